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
