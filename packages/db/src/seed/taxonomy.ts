// The default reason and competency lists every new agency starts with.
export const defaultCompetencies = [
  ["Technical depth", "Command of the core tools and concepts the role relies on"],
  ["Problem solving", "Breaking down an unfamiliar problem and reasoning to a solution"],
  ["Communication", "Explaining ideas clearly to technical and non-technical people"],
  ["Stakeholder management", "Building trust and managing expectations with the people you serve"],
  ["Leadership", "Setting direction, growing others, owning outcomes"],
  ["Commercial awareness", "Understanding how the work creates value for the business"],
  ["Domain knowledge", "Familiarity with the client's industry, customers and regulations"],
  ["Measurable impact", "Evidence of results, with numbers, from past roles"],
  ["Collaboration", "Working well across teams and functions"],
  ["Motivation for the role", "A clear, specific reason for wanting this job at this company"],
] as const;

export const defaultReasons = [
  ["Examples lacked measurable results", "Answers described activity but not outcomes or numbers"],
  ["Key skill not demonstrated", "A skill vital to the role was missing or not shown"],
  [
    "Less relevant experience than the successful candidate",
    "Another applicant's background matched more closely",
  ],
  [
    "Answers lacked structure",
    "Answers were hard to follow; no clear situation, action and result",
  ],
  [
    "Limited knowledge of the company",
    "Preparation on the client, its products or market was thin",
  ],
  [
    "Technical assessment below the bar",
    "The test or technical discussion fell short of the level required",
  ],
  ["Salary expectations misaligned", "Expectations were outside the budget for the role"],
  ["Role scope mismatch", "The level or scope of past roles did not match this one"],
] as const;

type TemplateItem = {
  lens: "skills_experience" | "other_applicants" | "interview_style";
  kind: "strength" | "gap";
  competency: (typeof defaultCompetencies)[number][0];
  reason?: (typeof defaultReasons)[number][0];
  detail: string;
  nextStep?: string;
};

/** Starting points for common kinds of role; consultants replace the "…" with what they saw. */
export const defaultTemplates: { name: string; description: string; items: TemplateItem[] }[] = [
  {
    name: "Software engineer",
    description: "Technical interviews: coding, system design, collaboration",
    items: [
      {
        lens: "skills_experience",
        kind: "strength",
        competency: "Technical depth",
        detail: "Your answer on … showed real command of …",
      },
      {
        lens: "skills_experience",
        kind: "gap",
        competency: "Technical depth",
        reason: "Technical assessment below the bar",
        detail: "In the technical exercise, … was missing: …",
        nextStep:
          "Practise … with a timed exercise, tests first, and compare against the brief before submitting.",
      },
      {
        lens: "other_applicants",
        kind: "gap",
        competency: "Domain knowledge",
        reason: "Less relevant experience than the successful candidate",
        detail: "The successful candidate had hands-on experience with …",
        nextStep: "Build a small project using … and write up what you learned.",
      },
      {
        lens: "interview_style",
        kind: "strength",
        competency: "Communication",
        detail: "You explained your reasoning out loud, which helped the panel follow …",
      },
      {
        lens: "interview_style",
        kind: "gap",
        competency: "Communication",
        reason: "Answers lacked structure",
        detail: "When asked about …, the answer … before reaching the outcome.",
        nextStep:
          "Practise answering in the STAR shape within two minutes; record yourself and trim.",
      },
      {
        lens: "skills_experience",
        kind: "gap",
        competency: "Measurable impact",
        reason: "Examples lacked measurable results",
        detail: "Your example of … described what you did but not the result: …",
        nextStep: "Rewrite your three strongest stories with a number in each result.",
      },
    ],
  },
  {
    name: "Product manager",
    description: "Product sense, stakeholder management, impact",
    items: [
      {
        lens: "skills_experience",
        kind: "strength",
        competency: "Stakeholder management",
        detail: "Your story about … showed how you bring … along.",
      },
      {
        lens: "skills_experience",
        kind: "gap",
        competency: "Measurable impact",
        reason: "Examples lacked measurable results",
        detail: "The launch of … was described without its outcome: …",
        nextStep: "For each product story, prepare the metric you moved and by how much.",
      },
      {
        lens: "other_applicants",
        kind: "gap",
        competency: "Commercial awareness",
        reason: "Less relevant experience than the successful candidate",
        detail: "The successful candidate had owned a P&L for …",
        nextStep: "Ask to take on … so you can speak to revenue and cost decisions.",
      },
      {
        lens: "interview_style",
        kind: "gap",
        competency: "Motivation for the role",
        reason: "Limited knowledge of the company",
        detail: "When asked why this company, …",
        nextStep:
          "Before each interview, read the company's last three announcements and prepare one question about each.",
      },
    ],
  },
  {
    name: "Sales and account management",
    description: "Commercial roles: pipeline, negotiation, relationships",
    items: [
      {
        lens: "skills_experience",
        kind: "strength",
        competency: "Commercial awareness",
        detail: "You knew your numbers: …",
      },
      {
        lens: "skills_experience",
        kind: "gap",
        competency: "Measurable impact",
        reason: "Examples lacked measurable results",
        detail: "Your account growth example did not say by how much: …",
        nextStep: "Prepare quota attainment and deal sizes for your last two years.",
      },
      {
        lens: "other_applicants",
        kind: "gap",
        competency: "Domain knowledge",
        reason: "Less relevant experience than the successful candidate",
        detail: "The successful candidate had sold into … before.",
        nextStep: "Research the buyers in … and prepare how your experience transfers.",
      },
      {
        lens: "interview_style",
        kind: "strength",
        competency: "Communication",
        detail: "Your role-play was confident and you listened before pitching.",
      },
    ],
  },
];
