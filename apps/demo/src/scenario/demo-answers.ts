import { Answers, QuestionnaireSection } from '@amiflow/domain';
import { DemoOrganisation } from './demo-cast';

/** What a simulated organisation writes in one section: plausible, and visibly a demo. */
export function demoAnswer(section: QuestionnaireSection, organisation: DemoOrganisation): string {
  const who = organisation.profile.profession
    ? `${organisation.name} (${organisation.profile.profession})`
    : organisation.name;
  return (
    `Réponse de démonstration de ${who} à la rubrique « ${section.title} » : ` +
    'synthèse des contributions recueillies auprès des membres, exemples concrets et ' +
    "pistes d'action pour l'usage de la donnée et de l'intelligence artificielle."
  );
}

/** Answers to these sections. */
export function demoAnswers(
  sections: readonly QuestionnaireSection[],
  organisation: DemoOrganisation,
): Answers {
  return Object.fromEntries(
    sections.map((section) => [section.id, demoAnswer(section, organisation)]),
  );
}
