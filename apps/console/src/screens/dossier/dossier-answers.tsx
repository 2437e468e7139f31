import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DossierAnswers } from '../../api/types';
import { Problem } from '../problems';

// Answers change only until the deadline, and can be long: polled less often than the rest.
const ANSWERS_REFRESH_MS = 30_000;

/** The questionnaire's sections in the campaign's order, each with the organisation's answer. */
export function DossierAnswersSection({ base }: { base: string }) {
  const answers = useQuery({
    queryKey: ['dossier-answers', base],
    queryFn: () => api<DossierAnswers>('GET', `${base}/answers`),
    refetchInterval: ANSWERS_REFRESH_MS,
  });
  return (
    <section aria-labelledby="reponses-titre">
      <h2 id="reponses-titre" className="fr-mt-4w">
        Réponses au questionnaire
      </h2>
      {answers.error ? <Problem error={answers.error} /> : null}
      {answers.data?.sections.map((section, index) => (
        <div key={section.sectionId} className="fr-mb-3w">
          <h3 className="fr-h6 fr-mb-1w">
            {index + 1}. {section.title}
            {section.required ? (
              <span className="fr-text--sm fr-text--regular"> (obligatoire)</span>
            ) : null}
          </h3>
          {section.answer === null ? (
            <p className="fr-mb-0">
              <span
                className={`fr-badge fr-badge--sm ${section.required ? 'fr-badge--warning' : 'fr-badge--info'}`}
              >
                Sans réponse
              </span>
            </p>
          ) : (
            <p className="fr-mb-0 console-answer">{section.answer}</p>
          )}
        </div>
      ))}
    </section>
  );
}
