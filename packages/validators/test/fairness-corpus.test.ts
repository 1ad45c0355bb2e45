// The fairness detector measured on sentences a consultant could really write. Labels are what a
// careful reviewer would say, not what the detector happens to do; the tricky clean sentences are
// the ones the product spec calls out. Precision and recall are per sentence: a sentence counts as
// flagged when the detector returns anything for it.
//
// The first block was written alongside the rules, so it flatters them. The later block was
// written in three rounds before the detector was run on it; each round's score on unseen text is
// the honest estimate (noted at each round below), and the rounds are kept as regression
// cases. Known misses and false alarms stay in the corpus on purpose, labelled as a person would.
import { describe, expect, it } from "vitest";
import {
  detectFairnessIssues,
  detectFairnessIssuesInFeedback,
  type FairnessCategory,
  fairnessCategories,
  fairnessCategoryLabels,
} from "../src/quality";

type Labelled = { text: string; expect: readonly FairnessCategory[] };
const flag = (text: string, ...categories: FairnessCategory[]): Labelled => ({
  text,
  expect: categories,
});
const clean = (text: string): Labelled => ({ text, expect: [] });

const corpus: readonly Labelled[] = [
  // ── age ──
  flag("The client felt she would not fit in with their young team.", "age"),
  flag("Honestly, the hiring manager thought he was too old for a startup environment.", "age"),
  flag("They wanted someone energetic and young to lead the new sales pod.", "age"),
  flag("They are really after a digital native for this social media role.", "age"),
  flag("The client preferred a recent graduate they could train up from scratch.", "age"),
  flag("He seemed overqualified for someone his age.", "age"),
  flag("The team is mostly in their twenties and the client worried how she would gel.", "age"),
  flag("She's a mature candidate and the client wanted fresh ideas.", "age"),
  flag("The panel felt a younger person would bring more energy to the role.", "age"),
  flag("He came across as a bit of a boomer when we talked about tooling.", "age"),
  flag("At 58, she may struggle to keep up with the pace of change.", "age"),
  // ── pregnancy, maternity, family plans, children, childcare ──
  flag(
    "She mentioned she is planning a family next year, which worried the client.",
    "pregnancy_family",
  ),
  flag("The client was concerned about her upcoming maternity leave.", "pregnancy_family"),
  flag("He has kids, so the late shifts could be a problem.", "pregnancy_family"),
  flag(
    "She's pregnant and the start date would clash with the project launch.",
    "pregnancy_family",
  ),
  flag("Her childcare arrangements might make the 8am stand-ups difficult.", "pregnancy_family"),
  flag("As a mum of three, she may not manage the travel.", "pregnancy_family"),
  flag(
    "He asked about paternity leave during the interview, which put the panel off.",
    "pregnancy_family",
  ),
  flag(
    "The client worried her family commitments would get in the way of overtime.",
    "pregnancy_family",
  ),
  flag("With two young children at home, the on-call rota may not suit him.", "pregnancy_family"),
  // ── religion ──
  flag(
    "He mentioned he prays several times a day, and the client questioned the schedule.",
    "religion",
  ),
  flag("The client asked whether his religion would affect weekend working.", "religion"),
  flag("She wears a hijab and the client felt she wouldn't suit the front desk.", "religion"),
  flag("The panel noted he would need time off during Ramadan.", "religion"),
  flag("As a practising Muslim, he may find the Friday drinks culture awkward.", "religion"),
  flag("Her faith seemed to come up a lot in the conversation.", "religion"),
  // ── ethnicity, nationality, accent, native speaker ──
  flag(
    "The client felt her accent would be hard for customers to understand.",
    "ethnicity_nationality",
  ),
  flag(
    "He is not a native English speaker, and the role is client-facing.",
    "ethnicity_nationality",
  ),
  flag(
    "They were hesitant about hiring someone foreign for a government account.",
    "ethnicity_nationality",
  ),
  flag(
    "The hiring manager thought a British candidate would fit the team better.",
    "ethnicity_nationality",
  ),
  flag(
    "English isn't his first language, which showed in the written test.",
    "ethnicity_nationality",
  ),
  flag(
    "She is Polish and the client wasn't sure how she would find the team.",
    "ethnicity_nationality",
  ),
  flag(
    "The client commented on where she's from rather than on her answers.",
    "ethnicity_nationality",
  ),
  flag(
    "Given his ethnic background, the client worried about team dynamics.",
    "ethnicity_nationality",
  ),
  // ── disability, health ──
  flag("The office isn't wheelchair accessible, so we didn't progress her.", "disability_health"),
  flag(
    "He disclosed mental health issues, and the client was wary of the pressure.",
    "disability_health",
  ),
  flag("She has had a lot of sick days in her last role.", "disability_health"),
  flag("He mentioned he is dyslexic, and the written exercise suffered.", "disability_health"),
  flag("The client worried his back injury would limit site visits.", "disability_health"),
  flag("She seemed to struggle with anxiety throughout the panel.", "disability_health"),
  flag(
    "He is autistic and the client felt he wouldn't gel with the sales team.",
    "disability_health",
  ),
  flag("She has a stammer, so the client doubted her presentation skills.", "disability_health"),
  flag(
    "He asked for reasonable adjustments for the assessment day, which the client found awkward.",
    "disability_health",
  ),
  // ── sex, gender ──
  flag("As a woman, she might find the site team hard going.", "sex_gender"),
  flag("The client wanted a man for this role to balance the team.", "sex_gender"),
  flag("She's a lovely girl but not assertive enough for sales.", "sex_gender"),
  flag("The client felt a female engineer would struggle on the rigs.", "sex_gender"),
  flag("She is transgender and the client was unsure how the team would react.", "sex_gender"),
  flag("The panel said she was too emotional, as women often are in negotiations.", "sex_gender"),
  // ── sexual orientation ──
  flag(
    "He mentioned his husband works for a competitor, which concerned the client.",
    "sexual_orientation",
  ),
  flag(
    "The client felt him being gay might be an issue with some customers.",
    "sexual_orientation",
  ),
  flag("She is openly lesbian and the hiring manager seemed uncomfortable.", "sexual_orientation"),
  flag("He talked about his boyfriend a lot during the small talk.", "sexual_orientation"),
  flag("Her sexuality came up in the informal chat over lunch.", "sexual_orientation"),
  // ── marital status ──
  flag("As a single mother, she may struggle with the travel.", "marital_status"),
  flag("He's married, so relocating to Leeds might be hard.", "marital_status"),
  flag("The client asked whether her husband would be relocating too.", "marital_status"),
  flag("She is recently divorced and the client felt it was a distraction.", "marital_status"),
  flag("The client preferred someone single who could travel at short notice.", "marital_status"),
  // ── two characteristics in one sentence ──
  flag(
    "His wife is expecting, so he may need time off soon.",
    "marital_status",
    "pregnancy_family",
  ),
  flag("The client wants a young, energetic man for the role.", "age", "sex_gender"),

  // ── clean: the tricky ones from the spec ──
  clean(
    "This is a senior role and the client needed someone who had managed senior stakeholders directly.",
  ),
  clean(
    "The other finalist spent three years as a junior developer before moving into a lead role.",
  ),
  clean(
    "Your Java answers were solid, but the JavaScript exercise ran out of time before the tests passed.",
  ),
  clean(
    "The client is a young company, so they needed someone comfortable without established processes.",
  ),
  clean("The role asked for over 5 years of experience with AWS; you showed about two."),
  clean(
    "You'd be working on a mature codebase, and the panel wanted more evidence of refactoring legacy code.",
  ),
  clean(
    "Your portfolio showed web work, but the role is focused on native app development for iOS.",
  ),
  clean("This health-tech client wanted examples of working under GDPR constraints."),
  clean("The Christmas release example was good, but you didn't say what your part in it was."),
  clean(
    "The gender pay gap reporting project she led was a strong example of stakeholder management.",
  ),
  clean(
    "You married the two datasets neatly in the case study, but didn't explain how you validated the join.",
  ),
  clean("The panel liked that you created a single source of truth for the sales pipeline."),
  clean("He explained his approach to the migration clearly, but she wanted more on testing."),
  // ── clean: what consultants really write ──
  clean("She gave a clear STAR example about reducing churn by 12%."),
  clean("He struggled to explain the difference between a process and a thread."),
  clean("The successful candidate had led a team of six engineers through a cloud migration."),
  clean(
    "You came across as nervous in the first ten minutes; practise your opening answer out loud.",
  ),
  clean("Your answer on stakeholder engagement was strong and well structured."),
  clean("The client felt the salary expectation was above the budget for this band."),
  clean(
    "You didn't have hands-on experience with Kubernetes, which was essential for the platform team.",
  ),
  clean("Try to quantify outcomes: how much time or money did the change save?"),
  clean("The parent company's compliance rules meant SC clearance was essential."),
  clean("Your React answer mixed up parent and child components when passing state."),
  clean(
    "The case study had a blind spot around pricing; the other finalist modelled three scenarios.",
  ),
  clean("The foreign exchange desk needed someone who had priced FX options before."),
  clean(
    "You used the accent colour well in the design exercise, but the layout wasn't responsive.",
  ),
  clean(
    "Your answers to the finance questions were ill-prepared; read the annual report before the next interview.",
  ),
  clean(
    "We ran a double-blind review of the written exercise and yours scored below the threshold.",
  ),
  clean(
    "It's a 12-month maternity cover contract, so they needed someone who could start within two weeks.",
  ),
  clean("You were fluent in French, which was a plus, but the German requirement wasn't met."),
  clean(
    "The client operates in the Indian and Chinese markets and wanted regional sales experience.",
  ),
  clean("The panel wanted more depth on medical device regulation such as ISO 13485."),
  clean(
    "You explained how you disabled unused accounts during the access review, a good security example.",
  ),
  clean("The team runs a lot of old systems, so mainframe experience would have helped."),
  clean("Baby steps: start by writing one case study about the migration and practise it aloud."),
  clean(
    "You'd be the single point of contact for the client's finance team, so clarity under pressure matters.",
  ),
  clean(
    "The successful candidate showed more commercial awareness of the family-owned retail sector.",
  ),
  clean("Your answer on race conditions in the payment service was excellent."),
  clean(
    "Go back to the job description and map each essential skill to an example from your last role.",
  ),
  clean(
    "The assessment showed strong Excel skills but weak SQL; the role needs daily SQL queries.",
  ),
  clean("You spoke confidently, but your answers ran long; aim for two minutes per answer."),
  clean("Great energy and a clear interest in the client's mission."),
  clean("The client went with someone who had led a product launch end to end."),
  clean("Your presentation lacked a clear recommendation at the end."),
  clean("The client is a fast-growing fintech with a young product, so priorities change weekly."),
  clean("The panel wanted evidence of managing a P&L of at least £2m."),
  clean("You handled the curveball question about a failed project well."),
  clean("Be specific about your own role in team achievements: say 'I' rather than 'we'."),
  clean("The senior engineer on the panel felt your testing approach was thorough."),
  clean(
    "The mental arithmetic section was fine, but the data interpretation was below the pass mark.",
  ),
  clean("The client needed someone with a full driving licence for site visits."),
  clean("The hiring manager was impressed by the app you built for a mental health charity."),
  clean("He led the data migration for a children's hospital trust, which the client valued."),
  clean("Expect the next client to ask about your notice period and when you could start."),
  clean(
    "You were a bit short with the panel when they challenged your estimate; stay curious rather than defensive.",
  ),
  clean(
    "Your SQL example, where you cut query time from 8s to 300ms, was exactly what they wanted.",
  ),
  clean(
    "The other applicant had already run a women in tech mentoring scheme at her last company.",
  ),
  clean("Your Python was strong, but the role is mainly Go and you hadn't used it in production."),
  clean("The client wants someone who can own the roadmap single-handedly from day one."),
  clean("He handled the personal injury caseload question with real confidence."),
  clean(
    "You described the database design well, but forgot to add a foreign key on the orders table.",
  ),
  // ── written blind, in three rounds, before the detector saw them ──
  // Round 1, unseen: precision 0.81 (25/31), recall 0.86 (25/29) on 57 sentences.
  flag(
    "The client is looking for someone at an earlier stage of their career, ideally under 30.",
    "age",
  ),
  flag("The team is quite young and she might feel out of place.", "age"),
  flag("They were worried she'd want to go part-time once the baby arrives.", "pregnancy_family"),
  flag("He said he needs to leave by 3pm for the school run.", "pregnancy_family"),
  flag("She's due to go on mat leave in the spring.", "pregnancy_family"),
  flag("The client was put off when he mentioned observing Lent.", "religion"),
  flag("He wears a turban and the client worried about the hard-hat policy.", "religion"),
  flag("She is Jewish and can't work Friday evenings.", "religion"),
  flag("His Nigerian accent was quite strong on the phone.", "ethnicity_nationality"),
  flag("The client wanted someone local rather than an immigrant.", "ethnicity_nationality"),
  flag(
    "English is her second language and the client wanted flawless copywriting.",
    "ethnicity_nationality",
  ),
  flag(
    "Her skin colour came up when the client described the customer base.",
    "ethnicity_nationality",
  ),
  flag(
    "She uses a hearing aid, so the open-plan office might be a challenge.",
    "disability_health",
  ),
  flag(
    "He had a nervous breakdown two years ago, which the client found out about.",
    "disability_health",
  ),
  flag("She was off work with depression last year.", "disability_health"),
  flag("He has epilepsy, and the role involves driving.", "disability_health"),
  flag("The client wanted a male lead to manage the warehouse lads.", "sex_gender"),
  flag("She'd be the only lady on the team.", "sex_gender"),
  flag("He is bisexual and mentioned it in the interview.", "sexual_orientation"),
  flag("The client found out she has a same-sex partner.", "sexual_orientation"),
  flag("Being newly engaged, she might be distracted by the wedding.", "marital_status"),
  flag("He's a widower with a lot on his plate.", "marital_status"),
  flag("The candidate's wife works at a competitor.", "marital_status"),
  flag("The client felt his religious beliefs might clash with the product.", "religion"),
  flag("She's in her early fifties, and the client prefers a younger team.", "age"),
  flag("The panel described her as a sweet old lady.", "age", "sex_gender"),
  flag("He is from Romania and the client had concerns about his visa.", "ethnicity_nationality"),
  flag(
    "She grew up in Lagos, which the client brought up more than once.",
    "ethnicity_nationality",
  ),
  flag("He has a prosthetic leg and the role is on site.", "disability_health"),
  clean("The client is a young, fast-moving agency and wanted someone who thrives in ambiguity."),
  clean("Your answer about the old billing system was clear and well structured."),
  clean("You gave a strong example of mentoring junior analysts."),
  clean("Your health and safety knowledge was solid for a site manager role."),
  clean("The client wanted more experience with medical billing codes."),
  clean("The position requires SC clearance, which takes several months to obtain."),
  clean("Your portfolio had a lot of white space, which the design lead liked."),
  clean("We ran a blind CV screen and your application scored well."),
  clean("You've clearly got a lot of faith in agile, but the client runs waterfall projects."),
  clean("The role is for the Sunday-trading retail team, so weekend availability is essential."),
  clean("You covered the Black Friday traffic spike story well."),
  clean("The other finalist had built a marketplace for secondhand baby clothes."),
  clean("You mentioned you had worked on the family law team for two years."),
  clean("The client sells into the German and Nordic markets."),
  clean("You'd be managing a team of twelve, mostly graduates."),
  clean("Your answer on child safeguarding policy showed real depth."),
  clean("The panel felt your SQL was a bit rusty; try the LeetCode database set."),
  clean("The client went with someone who had led an ISO 27001 audit."),
  clean("Your energy and enthusiasm came across well in the group exercise."),
  clean("You spoke over the interviewer twice; let them finish before answering."),
  clean("Keep your answer about why you left your last job short and positive."),
  clean("The client wanted experience of HR case work, including sickness absence management."),
  clean("She had managed the maternity and paternity policy rollout at her last employer."),
  clean("The other candidate had run a diversity network and knew the Equality Act well."),
  clean("The role needs someone who can man the front desk on Saturdays."),
  clean("Your pitch to the mock client was strong, but you ran over time by five minutes."),
  clean("The client needed experience with the Church of England's finance systems."),
  clean("You'd be supporting a team of older adults in a care home setting."),
  // Round 2, unseen: precision 0.80 (24/30), recall 0.80 (24/30) on 58 sentences.
  flag("They're after someone with young energy to shake things up.", "age"),
  flag(
    "The client hinted they wanted someone who would be around for the next thirty years.",
    "age",
  ),
  flag("She mentioned IVF treatment, and the client asked about time off.", "pregnancy_family"),
  flag("He's a new dad, so the client wasn't sure about the travel.", "pregnancy_family"),
  flag("She has a toddler at home and the hours are long.", "pregnancy_family"),
  flag("The hiring manager asked if she intended to have more children.", "pregnancy_family"),
  flag("He goes to mosque on Fridays, which clashes with the weekly review.", "religion"),
  flag("The client was uneasy about her headscarf in client meetings.", "religion"),
  flag("She's a Hindu and the client asked about dietary needs at events.", "religion"),
  flag("He's Black and the client said he wouldn't 'fit the image'.", "ethnicity_nationality"),
  flag("Her Indian heritage came up when discussing the APAC role.", "ethnicity_nationality"),
  flag("The client wanted a native French speaker for the Paris desk.", "ethnicity_nationality"),
  flag("He's an asylum seeker, so the client questioned his stability.", "ethnicity_nationality"),
  flag("She is deaf in one ear and the client wondered about phone work.", "disability_health"),
  flag("He has ADHD and the panel thought he lost focus.", "disability_health"),
  flag(
    "She had cancer treatment last year and the client worried about absences.",
    "disability_health",
  ),
  flag(
    "He walks with a cane, so the client thought site visits would be hard.",
    "disability_health",
  ),
  flag("She's on medication for her anxiety, which she mentioned unprompted.", "disability_health"),
  flag("He is diabetic and asked about breaks during the assessment day.", "disability_health"),
  flag("The client felt a man would command more respect from the engineers.", "sex_gender"),
  flag("The team is all guys and the client worried she wouldn't fit in.", "sex_gender"),
  flag("He's a bit effeminate for the client's sales floor.", "sex_gender"),
  flag("She mentioned her girlfriend when asked about relocating.", "sexual_orientation"),
  flag("He's openly bi and the client was awkward about it.", "sexual_orientation"),
  flag(
    "The client asked about her partner's job and whether they'd move together.",
    "marital_status",
  ),
  flag("He's newly married and the client expects he'll want a quieter life.", "marital_status"),
  flag(
    "She is separated from her husband and the client thought she seemed distracted.",
    "marital_status",
  ),
  flag("As a 60-year-old, he might not adapt to the new CRM.", "age"),
  flag("The client wants someone with plenty of runway left in their career.", "age"),
  flag("Her pregnancy was obvious and the client asked about her plans.", "pregnancy_family"),
  clean("The client's mobile team builds in React Native and Swift."),
  clean("Your answer about handling a difficult customer was calm and well structured."),
  clean("Brush up on window functions; the technical test leaned heavily on them."),
  clean("The client is a family office, so discretion matters more than usual."),
  clean("You described the old process and the new one well, but not what you changed."),
  clean("The panel wanted examples of managing older legacy systems during a cloud move."),
  clean("The other candidate brought a portfolio of three shipped mobile apps."),
  clean("Your maths was fine, but the case study lacked a recommendation."),
  clean("We'd suggest the Women in Finance charter training as a next step."),
  clean("The client works with several faith-based schools as customers."),
  clean("The client is a care provider supporting disabled adults."),
  clean("You'd need to travel to Poland twice a month for the Warsaw office."),
  clean("Your stakeholder map was thorough; the successful candidate also prioritised it."),
  clean("They moved from Salesforce to HubSpot last year, so CRM migration experience mattered."),
  clean("She grew up in sales before moving into account management."),
  clean("The panel felt your presentation ran over; rehearse with a timer."),
  clean("You showed good judgement on the pregnancy-testing kit launch case study."),
  clean("Your answer on GDPR special category data (health, religion, ethnicity) was excellent."),
  clean("Next time, lead with the result: 'cut costs by 20%' before the story."),
  clean("The client needs a German speaker for the DACH accounts; your German was conversational."),
  clean("The other finalist had run a 40-person contact centre through a system change."),
  clean("You mentioned the accessibility audit you ran; the panel wanted more on WCAG specifics."),
  clean("The client designs wheelchair-accessible vehicles and wanted automotive CAD experience."),
  clean("You'd be covering the sick leave and absence reporting in the HR system."),
  clean(
    "Your answers were thoughtful, though sometimes you paused for a long time before answering.",
  ),
  clean(
    "The successful candidate had managed a team through a merger with a Japanese parent company.",
  ),
  clean("Practise the 'tell me about yourself' answer until it's under two minutes."),
  clean("The client runs a youth football charity and wanted community engagement experience."),
  // Round 3, unseen: precision 0.79 (15/19), recall 0.88 (15/17) on 37 sentences.
  flag("She's of an age where she'll probably want to slow down soon.", "age"),
  flag("He's got grey hair and the client is a very young startup.", "age"),
  flag(
    "She has three kids under five, so the client thought the commute would be too much.",
    "pregnancy_family",
  ),
  flag("He told us his wife just had a baby.", "marital_status", "pregnancy_family"),
  flag("She observes the Sabbath, so Saturday shifts are out.", "religion"),
  flag("The client wasn't comfortable with his religious dress.", "religion"),
  flag(
    "He has a strong Glaswegian accent that some interviewers struggled with.",
    "ethnicity_nationality",
  ),
  flag("She's Chinese and the client wondered about her English.", "ethnicity_nationality"),
  flag("The client wanted a UK-born candidate for the defence contract.", "ethnicity_nationality"),
  flag("He is in a wheelchair and the client's site has no lift.", "disability_health"),
  flag("She mentioned her depression diagnosis in the first interview.", "disability_health"),
  flag("He was off for six months with long Covid.", "disability_health"),
  flag("The client said the role suits a gentleman with gravitas.", "sex_gender"),
  flag("The client wanted a girl on reception.", "sex_gender"),
  flag("He's gay and the client's MD is quite old-fashioned.", "sexual_orientation"),
  flag("She is a divorcee with two teenagers.", "marital_status", "pregnancy_family"),
  flag("The panel thought she was too old to retrain as a developer.", "age"),
  clean("Your examples were strong, but the client wanted more experience with Workday."),
  clean("You'll want to revisit the STAR format; two answers had no clear result."),
  clean("The client has a young graduate intake and wanted someone to mentor them."),
  clean("The successful candidate had built three native iOS apps from scratch."),
  clean("Your answer on migrating the legacy mainframe was the best the panel heard."),
  clean("The role involves weekend on-call once a month, which you said wasn't possible."),
  clean("You were unsure about the difference between gross and net margin."),
  clean("The client is a Catholic school trust and wanted finance experience in education."),
  clean("You'd be leading the Asia-Pacific expansion, so more APAC market knowledge would help."),
  clean("The panel liked your energy but wanted more structure in the case study."),
  clean("The client builds software for fertility clinics and wanted healthcare data experience."),
  clean("Practise whiteboarding: the panel wanted to see your thinking, not just the answer."),
  clean("Your CV says 'expert in Excel', but the test showed intermediate skills."),
  clean("The client needed someone who could start before the Christmas peak."),
  clean("The successful candidate had managed a £5m budget across two sites."),
  clean("You mentioned a strong relationship with the finance partner; give an example next time."),
  clean("Your team won an industry award, but you didn't explain your role in it."),
  clean(
    "The client is an older, established brand and wanted someone with heritage-brand experience.",
  ),
  clean(
    "You spoke about your time in Berlin as a developer, which was relevant to the German client.",
  ),
  clean("Your answers on safeguarding children in schools were thorough."),
];

type Outcome = Labelled & { found: FairnessCategory[] };
const outcomes: Outcome[] = corpus.map((entry) => ({
  ...entry,
  found: [...new Set(detectFairnessIssues(entry.text).map((f) => f.category))],
}));

const truePositives = outcomes.filter((o) => o.expect.length > 0 && o.found.length > 0);
const predicted = outcomes.filter((o) => o.found.length > 0);
const actual = outcomes.filter((o) => o.expect.length > 0);
const precision = truePositives.length / predicted.length;
const recall = truePositives.length / actual.length;

describe("fairness detector on the labelled corpus", () => {
  it("has a corpus large and varied enough to mean something", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    expect(actual.length).toBeGreaterThanOrEqual(35);
    expect(corpus.length - actual.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(actual.flatMap((o) => o.expect));
    for (const category of fairnessCategories) expect(covered).toContain(category);
  });

  it("reaches precision and recall of at least 0.9", () => {
    console.log(
      `fairness detector: precision ${precision.toFixed(2)} (${truePositives.length}/${predicted.length}), ` +
        `recall ${recall.toFixed(2)} (${truePositives.length}/${actual.length}) on ${corpus.length} sentences`,
    );
    const misses = outcomes.filter((o) => o.expect.length > 0 && o.found.length === 0);
    const falseAlarms = outcomes.filter((o) => o.expect.length === 0 && o.found.length > 0);
    for (const o of misses) console.log(`  missed: ${o.text}`);
    for (const o of falseAlarms) console.log(`  false alarm (${o.found.join(", ")}): ${o.text}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it.each(truePositives.map((o) => [o.text, o] as const))(
    "names the right category: %s",
    (_text, o) => {
      expect([...o.found].sort()).toEqual([...o.expect].sort());
    },
  );
});

describe("detectFairnessIssues", () => {
  it("returns offsets whose slice is the phrase, for highlighting", () => {
    const text =
      "Strong SQL. Sadly the client wanted a digital native, and she is planning a family.";
    const flags = detectFairnessIssues(text);
    expect(flags.map((f) => f.phrase)).toEqual(["digital native", "planning a family"]);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.phrase);
    expect(flags[0]?.start).toBe(text.indexOf("digital native"));
  });

  it("keeps offsets right after non-ASCII text and line breaks", () => {
    const text = "Café-style “chat” 🙂 went well.\nHer fiancée came up, and maternity\nleave too.";
    const flags = detectFairnessIssues(text);
    expect(flags.map((f) => [f.category, f.phrase])).toEqual([
      ["marital_status", "fiancée"],
      ["pregnancy_family", "maternity\nleave"],
    ]);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.phrase);
  });

  it("ignores case and keeps the phrase as written", () => {
    for (const text of ["MATERNITY LEAVE", "Maternity Leave", "maternity leave"]) {
      const [first] = detectFairnessIssues(`She mentioned ${text} twice.`);
      expect(first?.category).toBe("pregnancy_family");
      expect(first?.phrase).toBe(text);
    }
  });

  it("reports every phrase in a text, in reading order", () => {
    const text = "Too old, has kids, and his accent is strong. Also he's gay and married.";
    const flags = detectFairnessIssues(text);
    expect(flags.map((f) => [f.category, f.phrase])).toEqual([
      ["age", "Too old"],
      ["pregnancy_family", "kids"],
      ["ethnicity_nationality", "accent"],
      ["sexual_orientation", "gay"],
      ["marital_status", "married"],
    ]);
    const starts = flags.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("highlights each phrase once, as its most specific reading", () => {
    // "single mother" is one phrase (marital status), not also "mother"; "his husband" is
    // orientation, not also marital status; "mother tongue" is language, not family.
    expect(detectFairnessIssues("a single mother").map((f) => f.category)).toEqual([
      "marital_status",
    ]);
    expect(detectFairnessIssues("his husband").map((f) => f.category)).toEqual([
      "sexual_orientation",
    ]);
    expect(detectFairnessIssues("her husband").map((f) => f.category)).toEqual(["marital_status"]);
    expect(detectFairnessIssues("her mother tongue").map((f) => f.category)).toEqual([
      "ethnicity_nationality",
    ]);
  });

  it("does not flag pronouns, role levels or work on a topic", () => {
    for (const text of [
      "He said she would call him back.",
      "They want a senior engineer, not a junior one.",
      "Led the gender pay gap report for the board.",
      "Built a young startup's first data platform.",
      "Handled a medical devices client and a foreign key bug.",
      "Built BI dashboards in Power BI.",
      "Ran the stand single-handedly; we need people to man the booth.",
    ]) {
      expect(detectFairnessIssues(text), text).toEqual([]);
    }
  });

  it("gives a plain message per category, with advice where there is a fair rewording", () => {
    const [age] = detectFairnessIssues("too old");
    expect(age?.message).toBe(
      "Refers to age — feedback must be about the interview, not the person.",
    );
    const [native] = detectFairnessIssues("not a native English speaker");
    expect(native?.message).toMatch(
      /^Refers to ethnicity, nationality or accent — .+ fluent English/,
    );
    for (const category of fairnessCategories)
      expect(fairnessCategoryLabels[category]).not.toBe("");
  });

  it("returns nothing for empty text", () => {
    expect(detectFairnessIssues("")).toEqual([]);
    expect(detectFairnessIssues("   \n ")).toEqual([]);
  });
});

describe("detectFairnessIssuesInFeedback", () => {
  it("checks the summary, every detail and every next step, and says which field", () => {
    const flags = detectFairnessIssuesInFeedback({
      summary: "Strong interview overall.",
      items: [
        { detail: "Clear answers on SQL.", nextStep: null },
        { detail: "The client wanted a digital native.", nextStep: "Work on your accent." },
      ],
    });
    expect(flags.map((f) => [f.path, f.category, f.phrase])).toEqual([
      ["items.1.detail", "age", "digital native"],
      ["items.1.nextStep", "ethnicity_nationality", "accent"],
    ]);
  });
});
