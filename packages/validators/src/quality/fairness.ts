// Fairness warnings: text that refers to a protected characteristic of the candidate. The fear of
// writing exactly this is why most employers give no feedback at all, so the editor highlights it
// while the consultant types and publishing re-checks it. Pure TypeScript: runs in both places.
//
// How a rule reads: its source is a regular expression, matched case-insensitively with Unicode
// word boundaries added at both ends; a literal space in a source matches any run of whitespace,
// so "maternity leave" also catches a line break between the words. Context rules are negative
// lookarounds inside a rule ("young" but not "young children" — that is about the children) and
// the allowlist below (whole phrases that contain a trigger word but are not about the person).
//
// Decisions on the tricky cases (each is also a labelled sentence in the test corpus):
// - Role level is not age: "senior role", "senior stakeholders", "junior developer" are never
//   flagged; "too senior/junior" is about experience. "Senior citizen" is age.
// - A young company, startup, product or market is not about the candidate: allowlisted. A "young
//   team" IS flagged: saying the candidate would not fit a young team is an age preference.
// - "Recent/fresh/new graduate", "digital native", "straight out of university" are flagged as
//   age: equality guidance treats them as proxies for age. Say what experience was missing.
// - "Over 5 years of experience", "mature codebase", "old system", "a 15-year-old codebase",
//   "old-fashioned approach" are about experience or technology, not the person's age.
// - "Native app", "cloud-native" are technology; "native speaker", "non-native", "mother tongue",
//   "her first language" are national origin (ask for the level of fluency the role needs).
// - Work ON a topic, or a client in a sector, is not the person: the "gender pay gap reporting
//   project she led", a "Women in Tech mentoring scheme", a "maternity and paternity policy
//   rollout", GDPR "special category data", a "mental health charity", "fertility clinics", a
//   "Catholic school trust", "safeguarding children", "maternity cover" contracts, "Disability
//   Confident", "personal injury" law and a "children's hospital" client are allowlisted.
// - "Married the two datasets", "single source of truth", "single-handedly", "foreign key",
//   "foreign exchange", "accent colour", "blind spot", "race condition", "ill-prepared",
//   "parent company", "child components", "BI" (business intelligence) are not flagged.
// - Where someone is from counts only with a place: "she is from Romania", "grew up in Lagos"
//   (a capitalised place name), "UK-born"; "grew up in sales" and "travel to Poland" do not.
//   A nationality word alone is not flagged ("the Indian market", "fluent French").
// - Pronouns alone (he/she/they) are not flagged: every piece of feedback uses them.
// - "His husband" / "her wife" / "his boyfriend" / "her girlfriend" reveal sexual orientation;
//   "her husband", "his wife" are marital status. "Partner" is not flagged: in recruitment it is
//   far more often a business partner.
// - A phrase that names two characteristics is split so both show: "old lady" is age + sex,
//   "white men" ethnicity + sex. Compounds stay whole: "single mother" is marital status.
// - Visa and right-to-work status are not flagged: checking them is a lawful requirement.
// - "Nervous" is not flagged (how the candidate came across is fair interview-style feedback);
//   "anxiety", "depression", "panic attacks" are health conditions and are flagged.
// - Known limits: a first name or surname ("Christian", "Young") is flagged; indirect proxies
//   with no keyword ("around for the next thirty years", "runway left in their career") are
//   missed; "a young graduate intake" to mentor is flagged. The corpus test keeps these visible.

export const fairnessCategories = [
  "age",
  "pregnancy_family",
  "religion",
  "ethnicity_nationality",
  "disability_health",
  "sex_gender",
  "sexual_orientation",
  "marital_status",
] as const;
export type FairnessCategory = (typeof fairnessCategories)[number];

export const fairnessCategoryLabels: Record<FairnessCategory, string> = {
  age: "Age",
  pregnancy_family: "Pregnancy or family plans",
  religion: "Religion or belief",
  ethnicity_nationality: "Ethnicity or nationality",
  disability_health: "Disability or health",
  sex_gender: "Sex or gender",
  sexual_orientation: "Sexual orientation",
  marital_status: "Marital status",
};

export type FairnessFlag = {
  category: FairnessCategory;
  /** The matched text, exactly as written: `text.slice(start, end) === phrase`. */
  phrase: string;
  /** Offsets into the input string (UTF-16 code units, as String.prototype.slice counts). */
  start: number;
  end: number;
  message: string;
};

const CONSEQUENCE = "feedback must be about the interview, not the person.";
const categoryMessages: Record<FairnessCategory, string> = {
  age: `Refers to age — ${CONSEQUENCE}`,
  pregnancy_family: `Refers to pregnancy, children or family plans — ${CONSEQUENCE}`,
  religion: `Refers to religion or belief — ${CONSEQUENCE}`,
  ethnicity_nationality: `Refers to ethnicity, nationality or accent — ${CONSEQUENCE}`,
  disability_health: `Refers to disability or health — ${CONSEQUENCE}`,
  sex_gender: `Refers to sex or gender — ${CONSEQUENCE}`,
  sexual_orientation: `Refers to sexual orientation — ${CONSEQUENCE}`,
  marital_status: `Refers to marital or relationship status — ${CONSEQUENCE}`,
};

type RuleOptions = {
  /** What to write instead, when there is a fair way to say what the consultant meant. */
  advice?: string;
  /** The last word must be capitalised as typed (a place name): "grew up in Lagos", not "in sales". */
  properNoun?: boolean;
};
type Rule = RuleOptions & {
  pattern: RegExp;
  /** Why this phrase refers to the characteristic; documentation for the next person tuning it. */
  reason: string;
};

// \b is ASCII-only even with the u flag, so "fiancée" would never end on a boundary; these treat
// any Unicode letter or digit as part of a word.
const START = String.raw`(?<![\p{L}\p{N}_])`;
const END = String.raw`(?![\p{L}\p{N}_])`;

function compile(source: string): RegExp {
  return new RegExp(`${START}(?:${source.replaceAll(" ", String.raw`\s+`)})${END}`, "giu");
}

function rule(source: string, reason: string, options: RuleOptions = {}): Rule {
  return { pattern: compile(source), reason, ...options };
}

const endsWithProperNoun = (phrase: string) => /\p{Lu}[\p{L}'’-]*$/u.test(phrase);

// Shared vocabulary, kept as regex source text.
const POSSESSIVE = "(?:his|her|their|your|the candidate['’]s|someone['’]s|somebody['’]s)";
const PERSON =
  "(?:candidates?|applicants?|people|persons?|workers?|staff|folks?|individuals?|hires?|employees?)";
const GENDERED_PERSON = "(?:m[ae]n|wom[ae]n|guys?|girls?|lad(?:y|ies)|gentlem[ae]n|blokes?)";
// "old candidates" is one age phrase; in "old lady" the age word and the sex word are two
// characteristics, so the adjective is matched alone and the noun is left to the sex_gender rules.
const describesPerson = (adjective: string) =>
  `${adjective} ${PERSON}|${adjective}(?= ${GENDERED_PERSON}\\b)`;
const SUBJECT_IS = "(?:he|she|they)(?:['’]s|['’]re| is| was| are| were)";
const DEMONYMS =
  "(?:african|asian|arab|indian|pakistani|bangladeshi|sri lankan|chinese|japanese|korean|vietnamese|filipin[ao]|nigerian|ghanaian|kenyan|somali|ethiopian|eritrean|polish|romanian|bulgarian|lithuanian|latvian|russian|ukrainian|eastern european|european|latin[ao]|latinx|hispanic|mexican|brazilian|colombian|caribbean|jamaican|irish|scottish|welsh|english|british|american|french|german|italian|spanish|portuguese|turkish|kurdish|greek|iranian|persian|iraqi|syrian|afghan|egyptian|moroccan|roma|black|white|brown)";
// Places a person can be "from"; a bare capitalised word after "is from" could be an employer.
const PLACES =
  "(?:afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|bangladesh|belarus|belgium|bolivia|bosnia|brazil|bulgaria|cameroon|canada|chile|china|colombia|congo|croatia|cuba|cyprus|czechia|the czech republic|denmark|ecuador|egypt|england|eritrea|estonia|ethiopia|finland|france|gambia|germany|ghana|greece|guatemala|haiti|hong kong|hungary|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|jordan|kenya|korea|south korea|kosovo|kurdistan|latvia|lebanon|libya|lithuania|malaysia|mexico|morocco|nepal|the netherlands|holland|new zealand|nigeria|northern ireland|norway|pakistan|palestine|peru|the philippines|poland|portugal|romania|russia|rwanda|saudi arabia|scotland|senegal|serbia|sierra leone|slovakia|slovenia|somalia|south africa|spain|sri lanka|sudan|sweden|switzerland|syria|taiwan|tanzania|thailand|trinidad|tunisia|turkey|uganda|ukraine|venezuela|vietnam|wales|yemen|zimbabwe|the caribbean|africa|asia|eastern europe|europe|the middle east|latin america|south america|abroad|overseas|the uk|the us|the usa|america)";
const ORIGIN_NOUN =
  "(?:background|heritage|origins?|descent|roots|accent|name|names|family|families|community|communities|nationals?|citizens?|immigrants?)";

const rules: Record<FairnessCategory, readonly Rule[]> = {
  age: [
    rule(
      "young(?:er|est|ish|sters?)?(?! (?:kids|children|child|famil(?:y|ies)|bab(?:y|ies)|sons?|daughters?)\\b)|youthful",
      "Youth as a quality of the candidate or of the team they would join is an age preference; young children are a family matter, caught there.",
    ),
    rule(
      "(?:too|quite|rather|very|so|getting|a bit|fairly|somewhat|someone|somebody|anyone) (?:old|older)",
      "Calls the person old.",
    ),
    rule(
      `${describesPerson("old(?:er)?")}|old[\\s-]timers?|(?:ageing|aging) workforce|${describesPerson("(?:ageing|aging)")}`,
      "Describes people by being old.",
    ),
    rule(
      "(?:\\p{N}{2}|twenty|thirty|forty|fifty|sixty|seventy)(?:[\\s-]\\p{L}+)?[\\s-]years?[\\s-]old(?![\\s-]+(?:codebase|code|systems?|platforms?|applications?|apps?|products?|company|business|firm|monolith|stack|software|database|process|tools?|brand|legacy)\\b)",
      "A person's age in years; old code and systems are excluded.",
    ),
    rule(
      `${POSSESSIVE} age|at the age of|of an age|aged? (?:\\p{N}{2}|over|under|between)|age (?:groups?|profile|bracket|range|gap)|middle[\\s-]aged|of a certain age`,
      "Talks about the person's age directly.",
    ),
    rule(
      "(?:ideally|preferably|someone|somebody|anyone|people|candidates?|applicants?|aged?) (?:under|over|below|above|younger than|older than) [1-9]\\p{N}(?![\\p{N}%])(?! (?:years? of|yrs)\\b)|at [2-8]\\p{N}(?=,)|(?:his|her|their|your) (?:(?:early|mid|late)[\\s-]?)?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|[2-7]0s)|(?:over|under)[\\s-][2-7]0s|born in (?:19|20)\\p{N}{2}",
      "Places the person in an age band or birth year.",
    ),
    rule(
      "(?:near|nearing|close to|approaching|coming up to) retirement|retirement age|pensioners?|senior citizens?|oaps?|(?:grey|gray)[\\s-]?(?:haired|hair|beard)|greybeards?",
      "Old-age markers.",
    ),
    rule(
      "millennials?|(?:baby[\\s-])?boomers?|zoomers?|gen[\\s-]?[xyz]|generation [xyz]",
      "Generational labels are age labels.",
    ),
    rule("digital natives?", "Equality guidance treats 'digital native' as a proxy for youth.", {
      advice: "Name the digital skill that was missing instead.",
    }),
    rule(
      "(?:recent|fresh|new|newly qualified)[\\s-]grad(?:uate)?s?|(?:straight|fresh|just) (?:out of|from) (?:uni|university|college|school)|fresh[\\s-]faced",
      "'Recent graduate' is an age proxy: it excludes older people with the same experience.",
      { advice: "Describe the experience instead, e.g. 'one year of commercial experience'." },
    ),
    rule(
      `${describesPerson("mature")}|mature students?`,
      "A mature candidate means an older one; a mature codebase is not flagged.",
    ),
  ],

  pregnancy_family: [
    rule(
      "pregnan(?:t|cy|cies)|expecting (?:a baby|a child|twins|(?:her|his|their) (?:first|second|third)(?: child| baby)?)|(?:is|she['’]s|he['’]s|they['’]re|are|was|were) expecting(?=\\s*(?:[.,;:!?)]|$))",
      "Pregnancy, including 'is expecting' at the end of a clause (but not 'expecting a strong portfolio').",
    ),
    rule(
      "(?:maternity|paternity|adoption|(?:shared )?parental|mat) leave|maternity|paternity",
      "Leave for a new child; 'maternity cover' contracts are allowlisted.",
    ),
    rule(
      "(?:start(?:s|ed|ing)?|plan(?:s|ned|ning)?|grow(?:s|ing)?|hav(?:e|ing)|rais(?:e|ing)|want(?:s|ed|ing)?) (?:a|to start a|to have a) family|family[\\s-](?:plans?|planning|commitments?|responsibilit(?:y|ies)|life|reasons|situation|circumstances|obligations|emergenc(?:y|ies)|m[ae]n|wom[ae]n|status|duties|matters)|(?:his|her|their|your) famil(?:y|ies)",
      "Family plans and family circumstances.",
    ),
    rule(
      "child(?:ren)?|kids?|kiddies|toddlers?|newborns?|infants?|bab(?:y|ies)|grandchildren|grandkids|(?:his|her|their|your) (?:sons?|daughters?|little ones|teen(?:ager)?s)|(?:with|has|have|had) (?:a|an|two|three|four|\\p{N}) teen(?:ager)?s?|teenage (?:sons?|daughters?|kids|children)",
      "Children; software 'child components' and idioms such as 'baby steps' are allowlisted.",
    ),
    rule(
      "mothers?|mums?|moms?|mummy|fathers?|dads?|daddy|grandmothers?|grandfathers?|grandparents?|parenthood|parenting|(?:a|as a|working|new|first[\\s-]time|busy|stay[\\s-]at[\\s-]home) parents?|(?:his|her|their|your) parents",
      "Parenthood; 'parent' alone is left out because of parent companies, classes and tickets.",
    ),
    rule(
      "childcare|child care|childminders?|nann(?:y|ies)|babysitt(?:er|ers|ing)|cr[eè]ches?|nursery|school (?:run|pick[\\s-]?ups?|holidays)",
      "Childcare arrangements.",
    ),
    rule(
      "caring responsibilit(?:y|ies)|(?:family|primary|unpaid|full[\\s-]time) carers?|carer['’]s leave",
      "Caring for family members.",
    ),
    rule("ivf|fertility|miscarriages?|breastfeeding", "Fertility and pregnancy."),
  ],

  religion: [
    rule(
      "religio(?:n|ns|us)|faith(?! in\\b)|spiritual beliefs?",
      "Religion or faith; 'in good faith' and 'faith in the team' are not about belief.",
    ),
    rule(
      "pray(?:s|ed|ing|ers?)?|church(?:es)?|mosques?|synagogues?|gurdwaras?",
      "Prayer and places of worship.",
    ),
    rule(
      "muslims?|islam(?:ic)?|christian(?:s|ity)?|catholics?|protestants?|jews?|jewish|judaism|hindus?|hinduism|sikhs?|sikhism|buddhists?|buddhism|atheists?|agnostics?|mormons?|evangelicals?",
      "Names a religion or its followers.",
    ),
    rule(
      "hijabs?|headscarf|headscarves|turbans?|kippah|yarmulke|burq?as?|burkas?|niqabs?",
      "Religious dress.",
    ),
    rule(
      "ramadan|eid|diwali|sabbath|shabbat|hanukkah|passover|yom kippur|halal|(?:observ(?:e|es|ed|ing)|during|for) lent",
      "Religious observance. Christmas and Easter are left out: 'the Christmas release' is a date.",
    ),
  ],

  ethnicity_nationality: [
    rule(
      `rac(?:ial|ially|ism|ist)|${POSSESSIVE} race|mixed[\\s-]race|ethnic(?:ity|ities|ally)?|bame|bme|(?:skin (?:colou?r|tone)|complexion)|(?:person|people|candidates?|applicants?) of colou?r`,
      "Race and ethnicity; 'race condition' never matches because race needs a possessive.",
    ),
    rule(
      "nationalit(?:y|ies)|national origin|country of (?:origin|birth)|citizenship|immigrants?|migrants?|refugees?|asylum seekers?|immigration status|born (?:abroad|overseas|outside)",
      "National origin and immigration.",
    ),
    rule(
      "foreign(?:ers?)?",
      "Calls the person foreign; 'foreign exchange', 'foreign key' and the like are allowlisted.",
    ),
    rule("accent(?:s|ed)?", "An accent points to where someone is from.", {
      advice: "If clarity was the issue, give an example of an answer the panel could not follow.",
    }),
    rule(
      "non[\\s-]?native|native[\\s-]level|native(?:[\\s-]+\\p{L}+)?[\\s-]+(?:speakers?|speaking|fluency)|native (?:tongue|language)(?! (?:for|of|on)\\b)|mother tongue|(?:his|her|their|your) (?:first|native|second) language",
      "Native-speaker wording excludes people by national origin; 'native app' never matches.",
      {
        advice:
          "If the role needs fluent English, say where their English fell short of that in the interview.",
      },
    ),
    rule(
      `where ${SUBJECT_IS} (?:originally )?from|where (?:he|she|they) (?:comes?|came) from|${POSSESSIVE} (?:heritage|roots)|cultural (?:background|heritage|origins?)`,
      "Asks or says where the person comes from.",
    ),
    rule(
      `(?:${PLACES}|${DEMONYMS}|uk|us|eu|non[\\s-]uk|foreign|overseas)[\\s-]born|${SUBJECT_IS} (?:originally )?from ${PLACES}|(?:he|she|they) (?:comes?|came) from ${PLACES}|(?:moved|came|emigrated|immigrated|fled) (?:here |over )?from ${PLACES}`,
      "Says which country the person is from.",
    ),
    rule(
      "(?:grew up|(?:was|were) raised|(?:was|were) born|originally from|emigrated from|immigrated from|moved here from) (?:in )?(?:the )?\\p{L}[\\p{L}'’-]*",
      "Where the person grew up or was born, when followed by a place name.",
      { properNoun: true },
    ),
    rule(
      `${describesPerson(DEMONYMS)}|${DEMONYMS}[\\s-]${ORIGIN_NOUN}|${SUBJECT_IS} ${DEMONYMS}|being ${DEMONYMS}`,
      "Describes the person by nationality or colour. A nationality alone is not flagged: 'the Indian market' or 'fluent French' are about the job.",
    ),
    rule("gyps(?:y|ies)|gipsy|pikeys?", "Ethnic slurs."),
  ],

  disability_health: [
    rule(
      `disabilit(?:y|ies)|(?:is|was|being|registered|physically|visibly|severely) disabled|${describesPerson("disabled")}|handicap(?:ped)?|(?:visual|visually|hearing|sight|cognitive|physical|physically|speech|mobility) impair(?:ed|ments?)`,
      "Disability; 'disabled the feature flag' is not about a person.",
    ),
    rule(
      "wheelchairs?|crutches|walking (?:stick|cane|frame)|walks with (?:a )?(?:stick|cane|frame)|mobility (?:aids?|scooter|issues?|problems?)|prosthetic|amputee|blind(?:ness)?|deaf(?:ness)?|hard of hearing|hearing aids?|partially sighted|guide dog|sign language|bsl",
      "Physical and sensory disability; 'blind spot', 'double-blind' and 'deaf ears' are allowlisted.",
    ),
    rule(
      "autis(?:m|tic)|adhd|dyslexi(?:a|c)|dyspraxi(?:a|c)|dyscalculia|neuro[\\s-]?(?:divergen(?:t|ce)|diverse|diversity|atypical)|asperger['’]?s?|tourette['’]?s?|on the (?:autism |autistic )?spectrum|learning (?:disabilit(?:y|ies)|difficult(?:y|ies))",
      "Neurodivergence and learning disabilities.",
    ),
    rule(
      "mental (?:health|illness|breakdown)|mentally (?:ill|unwell|unstable)|nervous breakdown|anxiety|panic attacks?|depression|depressed|bipolar|ocd|ptsd|schizophreni\\p{L}*|eating disorders?|burn(?:ed|t)?[\\s-]?out|stress leave",
      "Mental health. 'Nervous' is not flagged: how the candidate came across is fair feedback.",
    ),
    rule(
      "sick(?:ness)?(?: (?:leave|days?|notes?|pay|record|absences?))?|illness(?:es)?|(?:is|was|were|been|being|fell|falls|falling|seriously|chronically|terminally|often|frequently) ill|ill[\\s-]health|(?:poor|bad|failing) health|health (?:issues?|problems?|conditions?|concerns?|reasons|history|scares?|grounds)",
      "Sickness and health; 'health-tech client' and 'health and safety' never match.",
    ),
    rule(
      `${POSSESSIVE} (?:health|condition|medication)|medical(?:ly)?|medication|chronic (?:illness|pain|fatigue|conditions?)|long[\\s-]term (?:illness|conditions?)|cancer|chemo(?:therapy)?|diabet(?:es|ic)|epilep(?:sy|tic)|seizures?|injur(?:y|ies|ed)|hospitali[sz]ed|in hospital|long covid|stammer(?:s|ed|ing)?|stutter(?:s|ed|ing)?|reasonable adjustments?`,
      "Medical conditions, treatment, and adjustments the candidate asked for; medical-industry phrases are allowlisted.",
    ),
  ],

  sex_gender: [
    rule(
      "wom[ae]n|females?|males?|girls?|lad(?:y|ies)|gentlem[ae]n|blokes?|lads|men|(?:all|only|mostly|just|other) guys",
      "Names the person's sex.",
    ),
    rule(
      "(?<!isle of )man(?![\\s-]+(?:the|a|an|our|their|his|her|hours?|days?|months?|power|made)\\b)",
      "A man; 'to man the stand' and 'man-hours' are not about a person.",
    ),
    rule(
      "gender(?:ed)?|sex(?:es)?|transgender|trans (?:wom[ae]n|m[ae]n|people|person|candidates?)|non[\\s-]?binary|cisgender|intersex|pronouns|feminine|masculine|effeminate|girly|manly|womanly",
      "Gender, gender identity and gendered descriptions; the 'gender pay gap' as a topic of work is allowlisted.",
    ),
  ],

  sexual_orientation: [
    rule(
      "gay|lesbians?|bisexual|(?:openly|identifies as|being) bi|homosexual|heterosexual|queer|lgbt\\p{L}*\\+?|same[\\s-]sex|sexual (?:orientation|preference)|sexuality|(?:came|come|comes|coming) out as (?:bi(?:sexual)?|trans(?:gender)?|non[\\s-]?binary)",
      "Sexual orientation; 'BI' is left out because it means business intelligence.",
    ),
    rule(
      "his (?:husband|boyfriend)s?|her (?:wife|girlfriend)s?",
      "A same-sex partner reveals orientation; 'her husband' is marital status.",
    ),
  ],

  marital_status: [
    rule(
      "(?:un)?married|marriage|marital|husbands?|wi(?:fe|ves)|spouses?|spousal|fianc[ée]e?s?|boyfriends?|girlfriends?|divorc(?:e|ed|ee|ees|ing)|widow(?:ed|er|ers)?|civil partner(?:ship)?s?|wedding|relationship status|maiden name",
      "Marriage, partners and relationship status; 'married the two datasets' is allowlisted.",
    ),
    rule(
      "(?:is|was|being|still|newly|someone|somebody|anyone|(?:he|she|they)['’](?:s|re)) single|single (?:mothers?|mums?|moms?|fathers?|dads?|parents?)|lone parents?",
      "Single as a relationship status; 'single source of truth' never matches.",
    ),
  ],
};

type Allowed = { pattern: RegExp; reason: string };

const HR_TOPIC =
  "(?:maternity|paternity|adoption|parental|shared parental|family|carer['’]s|sick(?:ness)?(?: leave| absence| pay)?|absence|disability|religious observance|equality|diversity)";
const CARE_TOPIC =
  "(?:fertility|maternity|mental health|cancer|diabetes|dementia|disability|disabilities|autism|children['’]s|pregnancy|sexual health|addiction|eating disorder|physiotherapy|stroke|epilepsy)";
const CARE_SETTING =
  "(?:clinics?|services?|units?|wards?|charit(?:y|ies)|trusts?|sector|providers?|hospitals?|hospices?|centres?|centers?|software|apps?|platforms?|start[\\s-]?ups?|first aid(?:ers?)?|support services|nurses?|nursing|research)";
// A network, programme or event for a group is work the candidate did, not who they are.
const INITIATIVE =
  "(?:networks?|mentoring|mentorship|schemes?|programmes?|programs?|charter|groups?|initiatives?|events?|conferences?|awards?|forums?|society|chapters?|committees?)";

function allow(source: string, reason: string): Allowed {
  return { pattern: compile(source), reason };
}

// Whole phrases that contain a trigger word but are about the work, the client or technology.
// Any flag overlapping one of these is dropped.
const allowlist: readonly Allowed[] = [
  allow(
    // Up to two describing words may sit between, as in "a young, fast-moving agency", as long
    // as they are not people ("a young, energetic team" stays flagged).
    "young(?:,? (?:and )?(?!(?:teams?|people|staff|crowd|workforce|m[ae]n|wom[ae]n)\\b)[\\p{L}-]+){0,2},? (?:compan(?:y|ies)|start[\\s-]?ups?|scale[\\s-]?ups?|business(?:es)?|firms?|agenc(?:y|ies)|ventures?|charit(?:y|ies)|organi[sz]ations?|brands?|products?|markets?|industry|industries|sectors?|fields?|disciplines?|technolog(?:y|ies)|frameworks?|languages?|codebases?|projects?|platforms?)",
    "A young company or product is about the employer, not the candidate.",
  ),
  allow("old[\\s-](?:fashioned|school)", "About methods or style, not age."),
  allow(
    "gender pay gap(?: report(?:s|ing)?| analysis| audit)?|gender[\\s-]neutral",
    "Work on a gender topic is about the work, not the candidate's sex.",
  ),
  allow("maternity (?:cover|contract)|maternity[\\s-]cover", "A contract type of the role."),
  allow(
    "pregnancy[\\s-](?:apps?|tracking|tracker|tests?|testing|kits?|products?)|bab(?:y|ies) (?:clothes|clothing|products?|food|formula|brands?|goods|gear|monitors?|retail|wear)",
    "A product domain.",
  ),
  allow(
    // HR and payroll work ON a policy ("ran the maternity and paternity policy rollout").
    `${HR_TOPIC}(?:,? (?:and|&|or) ${HR_TOPIC})? (?:leave )?(?:management|polic(?:y|ies)|procedures?|process(?:es)?|case ?work|claims?|payroll|pay (?:calculations?|rules|rates)|entitlements?|reporting|training)`,
    "An HR policy or process as the work, not the candidate's circumstances.",
  ),
  allow("baby steps|kid gloves|no kidding", "Idioms."),
  allow(
    "parent (?:compan(?:y|ies)|groups?|organi[sz]ations?|entit(?:y|ies)|brands?|firms?|banks?|tickets?|issues?|epics?|tasks?|class(?:es)?|nodes?|elements?|components?|director(?:y|ies)|folders?)|parent[\\s-]+(?:and|&|/)[\\s-]+child(?:ren)?",
    "Corporate or software parents and children.",
  ),
  allow(
    "child(?:ren)?[\\s-](?:process(?:es)?|nodes?|components?|elements?|class(?:es)?|records?|tables?|themes?|tickets?|issues?|items?|windows?|entit(?:y|ies)|objects?|routes?|tasks?|threads?)",
    "Software children.",
  ),
  allow(
    "children['’]s (?:hospitals?|charit(?:y|ies)|services|social care|books?|publishing|education|sector|apps?|products?)|child(?:ren['’]s)? (?:safeguarding|protection|welfare|social care|services)",
    "A client or a sector of work, not the candidate's family.",
  ),
  allow("(?:good|bad|blind) faith", "Idioms about honesty and trust."),
  allow(
    "family[\\s-](?:owned|run|business(?:es)?|firms?|compan(?:y|ies))",
    "A kind of employer, not the candidate's family.",
  ),
  allow(
    "foreign (?:exchange|keys?|currenc(?:y|ies)|markets?|languages?|policy|office|affairs|direct investment|subsidiar(?:y|ies)|trade|clients?|entit(?:y|ies)|investments?|tax)",
    "Finance, databases and language skills.",
  ),
  allow("accent (?:colou?rs?|lighting|walls?)", "Design vocabulary."),
  allow("race (?:conditions?|to market)", "Concurrency and business idioms."),
  allow(
    "blind (?:spots?|cvs?|reviews?|screening|recruitment|hiring|tests?|testing|copy|carbon copy|auditions?)|(?:double|single)[\\s-]blind|deaf ears",
    "Idioms and fair-hiring methods.",
  ),
  allow(
    "ill[\\s-](?:prepared|judged|defined|suited|advised|considered|equipped|informed|timed|fitting|fated|conceived)",
    "'Ill-prepared' describes the interview performance, not health.",
  ),
  allow(
    "medical (?:devices?|technolog(?:y|ies)|sector|industry|software|imaging|records?|affairs|writ(?:er|ers|ing)|communications|sales|billing|schools?|sciences?|clients?|compan(?:y|ies)|practices?|insurance|equipment|education|research|products?|regulation|information)",
    "The medical industry as a field of work.",
  ),
  allow(
    `${CARE_TOPIC} ${CARE_SETTING}`,
    "A clinic, service or charity in the health and care sector is a client or employer.",
  ),
  allow(
    "(?:safeguarding|work(?:s|ed|ing)? with|teach(?:es|ing)?|taught|support(?:s|ed|ing)?) (?:vulnerable )?(?:children|kids|young people|pupils|adults)",
    "Working with children or adults is the job in education and care, not the candidate's family.",
  ),
  allow("personal injury", "An area of law."),
  allow("health (?:and|&) safety", "A professional discipline."),
  allow(
    `(?:wom[ae]n|lgbt\\p{L}*\\+?|disability|neuro[\\s-]?diversity|faith|ethnic minority|bame) (?:in \\p{L}+ )?${INITIATIVE}|wom[ae]n in \\p{L}+ ${INITIATIVE}`,
    "Running or joining a network or programme is about the work ('a Women in Tech mentoring scheme').",
  ),
  allow("faith[\\s-](?:based|schools?)", "A kind of organisation, as a client or employer."),
  allow(
    "special categor(?:y|ies)(?: of)?(?: personal)? data(?: \\([^)]*\\))?|protected characteristics?(?: \\([^)]*\\))?",
    "Data-protection and equality-law vocabulary: naming the categories is not describing a person.",
  ),
  allow(
    "wheelchair[\\s-]accessible (?:vehicles?|products?|design|housing|homes?|buses|taxis|transport|venues?)",
    "A product or service the client makes.",
  ),
  allow(
    "(?:church of (?:england|scotland|ireland)|catholic|christian|jewish|muslim|islamic|hindu|sikh|methodist|anglican|quaker|faith)(?: school)? (?:schools?|trusts?|charit(?:y|ies)|dioceses?|colleges?|academ(?:y|ies)|hospitals?|hospices?|organi[sz]ations?|foundations?)|church of (?:england|scotland|ireland)",
    "A faith institution as employer or client (many UK schools and charities are).",
  ),
  allow("disability confident", "The UK employer scheme."),
  allow("depressed (?:markets?|prices?|demand|sales|revenues?)|great depression", "Economics."),
  allow(
    "married (?:the|these|those|two|both|up|together|it|them)",
    "'Married the two datasets' means joined.",
  ),
  allow(
    "single[\\s-](?:handed(?:ly)?|threaded|sign[\\s-]on|page|points?|sources?|tenant|use)",
    "Single as 'one', not as a relationship status.",
  ),
  allow("widows and orphans", "Typography."),
];

type Span = { start: number; end: number };

function matchSpans(pattern: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0].length > 0) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Every phrase in `text` that refers to a protected characteristic, in reading order. */
export function detectFairnessIssues(text: string): FairnessFlag[] {
  if (text.trim() === "") return [];
  const allowed = allowlist.flatMap((entry) => matchSpans(entry.pattern, text));
  const found: FairnessFlag[] = [];
  for (const category of fairnessCategories) {
    for (const { pattern, advice, properNoun } of rules[category]) {
      for (const span of matchSpans(pattern, text)) {
        if (allowed.some((a) => overlaps(a, span))) continue;
        if (properNoun && !endsWithProperNoun(text.slice(span.start, span.end))) continue;
        const base = categoryMessages[category];
        found.push({
          category,
          phrase: text.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          message: advice ? `${base} ${advice}` : base,
        });
      }
    }
  }
  // Leftmost-longest and never overlapping, so each phrase is highlighted once: "single mother"
  // is marital status (not also "mother"), "his husband" orientation (not also "husband").
  // On an exact tie the earlier category in the table wins (the sort is stable).
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: FairnessFlag[] = [];
  for (const flag of found) {
    const last = kept.at(-1);
    if (!last || flag.start >= last.end) kept.push(flag);
  }
  return kept;
}

/** A fairness flag found in one field of a feedback draft, e.g. path "items.2.detail". */
export type FeedbackFairnessFlag = FairnessFlag & { path: string };

/** Fairness flags across everything the candidate will read: summary, details and next steps. */
export function detectFairnessIssuesInFeedback(input: {
  summary: string;
  items: readonly { detail: string; nextStep?: string | null }[];
}): FeedbackFairnessFlag[] {
  const fields: { path: string; text: string }[] = [{ path: "summary", text: input.summary }];
  input.items.forEach((item, i) => {
    fields.push({ path: `items.${i}.detail`, text: item.detail });
    if (item.nextStep) fields.push({ path: `items.${i}.nextStep`, text: item.nextStep });
  });
  return fields.flatMap(({ path, text }) =>
    detectFairnessIssues(text).map((flag) => ({ ...flag, path })),
  );
}
