export interface PlanConsultationsInput {
  readonly campaignId: string;
  readonly correlationId: string;
}

export interface PlanConsultationsResult {
  readonly scheduled: number;
  /** Shortlisted organisations no slot could be found for: for an operator. */
  readonly unplaced: readonly string[];
}

export interface ConsultationActivities {
  /**
   * Gives every shortlisted dossier without a consultation the earliest slot it can attend,
   * without double-booking a room, by a command to its workflow.
   */
  planConsultations(input: PlanConsultationsInput): Promise<PlanConsultationsResult>;
}
