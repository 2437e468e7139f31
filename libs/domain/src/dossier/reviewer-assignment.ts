/** A dossier as automatic assignment sees it: who reviews it already, who may never. */
export interface DossierToAssign {
  /** The dossier's organisation: one dossier per organisation in a campaign. */
  readonly organisationId: string;
  readonly assigned: readonly string[];
  /** Reviewers who declared a conflict of interest with the organisation. */
  readonly conflicted: readonly string[];
}

export interface ReviewerAssignmentRequest {
  readonly dossiers: readonly DossierToAssign[];
  /** The operators who review; the order does not matter (ties go to the smaller id). */
  readonly reviewers: readonly string[];
  /** Reviewers wanted on each dossier, those already assigned included. */
  readonly perDossier: number;
}

/** The reviewers to add to one dossier. */
export interface ReviewerAssignment {
  readonly organisationId: string;
  readonly reviewerIds: readonly string[];
}

/**
 * Who reviews what, N reviewers per dossier (issue 13, item 2): a reviewer who declared a conflict
 * with an organisation is never given its dossier; a dossier gets N reviewers whenever N reviewers
 * without a conflict exist; and the load (dossiers per reviewer, those already assigned counted)
 * is balanced — each dossier takes the least-loaded reviewers it may have, the dossiers with the
 * fewest possible reviewers first so that conflicts do not leave them the busiest. Without
 * conflicts and from an even start, loads differ by at most one. Pure and deterministic: dossiers
 * and reviewers in any order give the same result.
 */
export function assignReviewersAutomatically(
  request: ReviewerAssignmentRequest,
): ReviewerAssignment[] {
  const reviewers = [...new Set(request.reviewers)].sort();
  const load = new Map<string, number>(reviewers.map((reviewer) => [reviewer, 0]));
  for (const dossier of request.dossiers) {
    for (const reviewer of dossier.assigned) {
      if (load.has(reviewer)) load.set(reviewer, (load.get(reviewer) ?? 0) + 1);
    }
  }
  const candidatesOf = (dossier: DossierToAssign) =>
    reviewers.filter(
      (reviewer) => !dossier.conflicted.includes(reviewer) && !dossier.assigned.includes(reviewer),
    );
  const order = [...request.dossiers].sort(
    (a, b) =>
      candidatesOf(a).length - candidatesOf(b).length ||
      a.organisationId.localeCompare(b.organisationId),
  );
  const assignments: ReviewerAssignment[] = [];
  for (const dossier of order) {
    const missing = request.perDossier - dossier.assigned.length;
    if (missing <= 0) continue;
    const chosen = candidatesOf(dossier)
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b))
      .slice(0, missing);
    if (chosen.length === 0) continue;
    for (const reviewer of chosen) load.set(reviewer, (load.get(reviewer) ?? 0) + 1);
    assignments.push({ organisationId: dossier.organisationId, reviewerIds: chosen });
  }
  return assignments.sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}
