// Every quality rule from both sides: the draft that trips it and the one that does not, and that
// each issue points at the field the editor should highlight.
import { describe, expect, it } from "vitest";
import {
  checkFeedbackQuality,
  hasBlockers,
  type QualityInput,
  type QualityIssue,
  type QualityItemInput,
} from "../src/quality";

const REASON = "6f1c2a7e-3b9d-4c55-9a1e-2d7b8c4f0a11";
const SUMMARY =
  "The client chose a candidate with more hands-on Kubernetes experience for this platform role.";

const strength = (over: Partial<QualityItemInput> = {}): QualityItemInput => ({
  lens: "skills_experience",
  kind: "strength",
  detail:
    "Your migration story was excellent: you cut deploy time from 40 to 8 minutes and explained the trade-offs clearly.",
  ...over,
});
const gap = (over: Partial<QualityItemInput> = {}): QualityItemInput => ({
  lens: "other_applicants",
  kind: "gap",
  detail:
    "The successful candidate had run Kubernetes in production for two years; you had only used it in a course.",
  nextStep: "Deploy a small service to a managed Kubernetes cluster and write up what you learned.",
  reasonId: REASON,
  ...over,
});
const style = (over: Partial<QualityItemInput> = {}): QualityItemInput => ({
  lens: "interview_style",
  kind: "strength",
  detail:
    "You listened carefully and answered the question that was asked, with a clear structure each time.",
  ...over,
});

/** A draft that passes every check; each test breaks exactly one thing. */
const good = (items: QualityItemInput[] = [strength(), gap(), style()]): QualityInput => ({
  summary: SUMMARY,
  items,
});

const codesAt = (issues: QualityIssue[], path: string | null) =>
  issues.filter((i) => i.path === path).map((i) => i.code);

describe("checkFeedbackQuality", () => {
  it("finds nothing in good feedback", () => {
    expect(checkFeedbackQuality(good())).toEqual([]);
  });

  describe("vague", () => {
    const vague = [
      "Not a good fit for the team.",
      "Honestly just not the right fit.",
      "Concerns about culture fit.",
      "Lacked experience.",
      "She lacked relevant experience for this one.",
      "Not strong enough overall.",
      "Didn't stand out from the others.",
      "Other candidates were stronger on the day.",
      "We went another way.",
      "The client decided to go in a different direction.",
      "Just not quite there yet.",
      "Not what we're looking for at the moment.",
      "Not what the client is looking for right now.",
    ];
    it.each(vague)("flags %j at the item's detail", (detail) => {
      const issues = checkFeedbackQuality(good([strength(), gap({ detail }), style()]));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "vague",
          severity: "warning",
          path: "items.1.detail",
          lens: "other_applicants",
        }),
      ]);
    });

    it("says what to fix for the phrase used", () => {
      const [issue] = checkFeedbackQuality(
        good([strength(), gap({ detail: "Lacked experience." }), style()]),
      );
      expect(issue?.message).toBe(
        'Say what was missing: "lacked experience" of what? Give an example from the interview.',
      );
    });

    it.each([
      // Made specific right away: of what, in what.
      "Lacked experience with Terraform, which the platform team uses for every environment change.",
      "Not strong enough in system design: the URL shortener answer never reached caching or sharding.",
      // The phrase is there, but the point carries a number, an example or a quote.
      "Not a good fit for the on-call rota: the role needs 1 week in 4 on call and you said you could not.",
      "Other candidates were stronger, for example in explaining how they had measured the impact of their work.",
      'Didn\'t stand out on motivation: asked why this company, you said "it seemed like a good job" and stopped.',
      "Went another way because the client needed someone who had already led a SOC 2 audit end to end.",
    ])("does not flag a vague phrase with specifics: %j", (detail) => {
      expect(checkFeedbackQuality(good([strength(), gap({ detail }), style()]))).toEqual([]);
    });

    it("still flags a vague phrase whose only specific is too short to help", () => {
      const issues = checkFeedbackQuality(
        good([strength(), gap({ detail: "Lacked experience, e.g. tooling." }), style()]),
      );
      expect(codesAt(issues, "items.1.detail")).toEqual(["vague"]);
    });

    it("checks the summary too", () => {
      const issues = checkFeedbackQuality({ ...good(), summary: "We went another way." });
      expect(issues).toEqual([
        expect.objectContaining({ code: "vague", path: "summary", severity: "warning" }),
      ]);
      expect(issues[0]?.lens).toBeUndefined();
    });

    it("reports one issue per field: vague rather than also too short", () => {
      const issues = checkFeedbackQuality(
        good([strength(), gap({ detail: "Not a good fit." }), style()]),
      );
      expect(codesAt(issues, "items.1.detail")).toEqual(["vague"]);
    });
  });

  describe("too_short", () => {
    it("flags a short detail, for strengths and gaps alike", () => {
      const issues = checkFeedbackQuality(
        good([strength({ detail: "Good answers." }), gap({ detail: "Weak on SQL." }), style()]),
      );
      expect(issues.map((i) => [i.code, i.path, i.severity])).toEqual([
        ["too_short", "items.0.detail", "warning"],
        ["too_short", "items.1.detail", "warning"],
      ]);
      expect(issues[0]?.message).toMatch(/keep doing it/);
      expect(issues[1]?.message).toMatch(/why it mattered/);
    });

    it("does not flag a detail of a full sentence", () => {
      const detail = "Your SQL answers were slow and missed the join on the orders table.";
      expect(checkFeedbackQuality(good([strength(), gap({ detail }), style()]))).toEqual([]);
    });

    it("flags a next step that is a slogan, not a plan", () => {
      const issues = checkFeedbackQuality(
        good([strength(), gap({ nextStep: "Practise more." }), style()]),
      );
      expect(issues).toEqual([
        expect.objectContaining({
          code: "too_short",
          path: "items.1.nextStep",
          severity: "warning",
        }),
      ]);
    });

    it("flags an empty or one-word summary, and not a real one", () => {
      for (const summary of ["", "   ", "Unsuccessful."]) {
        expect(checkFeedbackQuality({ ...good(), summary })).toEqual([
          expect.objectContaining({ code: "too_short", path: "summary" }),
        ]);
      }
      expect(checkFeedbackQuality({ ...good(), summary: SUMMARY })).toEqual([]);
    });
  });

  describe("gap_without_next_step", () => {
    it.each([undefined, null, "", "   "])("is a blocker when the next step is %j", (nextStep) => {
      const issues = checkFeedbackQuality(good([strength(), gap({ nextStep }), style()]));
      expect(issues).toEqual([
        {
          code: "gap_without_next_step",
          severity: "blocker",
          path: "items.1.nextStep",
          lens: "other_applicants",
          message:
            "A gap needs a suggested next step: what can the candidate do to close it before their next interview?",
        },
      ]);
      expect(hasBlockers(issues)).toBe(true);
    });

    it("does not apply to strengths", () => {
      const issues = checkFeedbackQuality(good([strength({ nextStep: null }), gap(), style()]));
      expect(issues).toEqual([]);
      expect(hasBlockers(issues)).toBe(false);
    });
  });

  describe("gap_without_reason", () => {
    it.each([undefined, null, ""])("is a blocker when the reason is %j", (reasonId) => {
      const issues = checkFeedbackQuality(good([strength(), gap({ reasonId }), style()]));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "gap_without_reason",
          severity: "blocker",
          path: "items.1.reasonId",
          lens: "other_applicants",
        }),
      ]);
    });

    it("does not apply to strengths", () => {
      expect(checkFeedbackQuality(good([strength({ reasonId: null }), gap(), style()]))).toEqual(
        [],
      );
    });
  });

  it("points each issue at its own item when several items have problems", () => {
    const issues = checkFeedbackQuality(
      good([
        strength(),
        gap({ nextStep: null }),
        style(),
        gap({ lens: "skills_experience", reasonId: null, detail: "Lacked experience." }),
      ]),
    );
    expect(issues.map((i) => [i.code, i.path, i.lens])).toEqual([
      ["gap_without_next_step", "items.1.nextStep", "other_applicants"],
      ["vague", "items.3.detail", "skills_experience"],
      ["gap_without_reason", "items.3.reasonId", "skills_experience"],
    ]);
  });

  describe("empty_lens", () => {
    it("flags each lens with nothing in it, in lens order", () => {
      const issues = checkFeedbackQuality(good([gap(), style()]));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "empty_lens",
          severity: "warning",
          path: null,
          lens: "skills_experience",
        }),
      ]);
      expect(issues[0]?.message).toMatch(/^Nothing under "Skills & experience" yet\./);
    });

    it("does not flag a lens with a gap or a strength in it", () => {
      const items = [
        gap({ lens: "skills_experience" }),
        strength({ lens: "other_applicants" }),
        style(),
      ];
      expect(checkFeedbackQuality(good(items))).toEqual([]);
    });
  });

  describe("no_strength and no_gap", () => {
    it("flags feedback with no strength at all", () => {
      const items = [gap({ lens: "skills_experience" }), gap(), gap({ lens: "interview_style" })];
      expect(checkFeedbackQuality(good(items))).toEqual([
        expect.objectContaining({ code: "no_strength", severity: "warning", path: null }),
      ]);
    });

    it("flags feedback with no gap at all", () => {
      const items = [strength(), strength({ lens: "other_applicants" }), style()];
      expect(checkFeedbackQuality(good(items))).toEqual([
        expect.objectContaining({ code: "no_gap", severity: "warning", path: null }),
      ]);
    });

    it("flags an empty draft with every whole-feedback warning and no blocker", () => {
      const issues = checkFeedbackQuality({ summary: SUMMARY, items: [] });
      expect(issues.map((i) => [i.code, i.lens ?? null])).toEqual([
        ["empty_lens", "skills_experience"],
        ["empty_lens", "other_applicants"],
        ["empty_lens", "interview_style"],
        ["no_strength", null],
        ["no_gap", null],
      ]);
      expect(hasBlockers(issues)).toBe(false);
    });
  });

  it("never reports the same code twice for one field, so code + path is a stable key", () => {
    const issues = checkFeedbackQuality({
      summary: "",
      items: [
        gap({ detail: "Meh.", nextStep: "Try.", reasonId: null }),
        gap({ detail: "Not a good fit.", nextStep: null }),
      ],
    });
    const keys = issues.map((i) => `${i.code}-${i.path ?? i.lens ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("blocks the template's placeholders until they are replaced", () => {
    const issues = checkFeedbackQuality({
      summary: "Thank you; it was close and here is why.",
      items: [
        {
          lens: "skills_experience",
          kind: "strength",
          detail: "Your answer on … showed real command of …",
        },
        {
          lens: "interview_style",
          kind: "gap",
          reasonId: "r",
          detail: "Answers ran past five minutes before reaching the outcome in two questions.",
          nextStep: "Practise … answers aloud",
        },
      ],
    });
    const placeholders = issues.filter((i) => i.code === "placeholder");
    expect(placeholders.map((i) => [i.path, i.severity])).toEqual([
      ["items.0.detail", "blocker"],
      ["items.1.nextStep", "blocker"],
    ]);
  });
});
