/**
 * Public surface of the pure rules: facts with sources and dates, the /check graph and the eligibility policy.
 * Nothing here imports grammY or reads the clock at import time.
 */

// Eligibility: the assessment and its codes.
export { assess, resolveToday } from "./eligibility/assess.js";
export type { AssessOptions, AssessResult } from "./eligibility/assess.js";
export type { ProgramResult } from "./eligibility/policy.js";
export { ProfileSchema, parseProfile } from "./eligibility/profile.js";
export type { Profile } from "./eligibility/profile.js";
export {
  BLOCKER_REASONS,
  CAVEAT_REASONS,
  IT_SPECIALTIES,
  MISSING_CODES,
  PROGRAMS,
  REASON_CODES,
  STATELESS,
  UNSURE_REASONS,
  VERDICTS,
} from "./eligibility/codes.js";
export type { ItSpecialty, MissingCode, Program, ReasonCode, Verdict } from "./eligibility/codes.js";
export { outcomeFacts } from "./eligibility/outcome.js";
export { policyRules } from "./eligibility/rules.js";
export type { PolicyRules } from "./eligibility/rules.js";
export { almatyToday, daysBetween } from "./eligibility/dates.js";
export type { OutcomeFacts } from "./eligibility/outcome.js";

// The /check graph and its state.
export { firstNode, getNode, isNodeId, nextNode, NODE_IDS, OUTCOME } from "./eligibility/graph.js";
export type { NextId, NodeId, NodeKind, QuestionNode } from "./eligibility/graph.js";
export { YES_NO } from "./eligibility/answers.js";
export type { Answers, YesNo } from "./eligibility/answers.js";
export { answerCurrent, back, currentNode, initialState, pathOf, toProfile } from "./eligibility/state.js";
export type { AnswerResult, CheckState } from "./eligibility/state.js";
export { VALIDATION_ERRORS } from "./eligibility/validate.js";
export type { Validation, ValidationError } from "./eligibility/validate.js";

// Facts: every number the bot states, with its source, when it was published and checked, and when to review it.
export { factIds, factList, factNumber, factRecord, findFact, getFact, loadFacts } from "./data/load.js";
export type { FactId } from "./data/facts/index.js";
export type { Confidence, Fact, FactValue, ReviewKind, SourceRef, Unit } from "./data/types.js";
export { DOCS_READ, isSourceDoc, resolveSource, SOURCE_DOCS } from "./data/sources.js";
export type { ResolvedSource, SourceDocMeta } from "./data/sources.js";
export { isPastReview, REVIEW_MONTHS, reviewDue } from "./data/review.js";
export { factsReviewReport } from "./data/reviewReport.js";
export type { FactsReviewReport, StaleFact, YearGap } from "./data/reviewReport.js";
export { kztForMrp, mrpKzt } from "./data/mrp.js";
export { pilotStatus } from "./data/pilot.js";
export type { PilotState, PilotStatus } from "./data/pilot.js";
export { countryGroupsOf } from "./data/countries.js";
export type { CountryGroupId } from "./data/countries.js";
export { isIsoAlpha2, ISO_ALPHA2 } from "./data/iso3166.js";

// Input parsers: what people type, turned into the values the graph validates.
export { countryName, isStatelessAnswer, matchCountry, parseAmount, parseCount, parseDate } from "./input/index.js";
export type { CountryMatch, DateParseResult, NameLocale } from "./input/index.js";

// The knowledge base's topics: which facts each answer states.
export { counterpartOf, FAQ_GROUPS, FAQ_TOPICS, findTopic, PROGRAM_PAIRS } from "./faq/topics.js";
export type { FaqGroup, FaqTopic } from "./faq/topics.js";

// Reminder timing: local wall-clock time, quiet hours, when reminders go out before a deadline.
export { isQuietTime, lastCall, nextAllowedTime, deadlineEnd, offsetId, planReminders, REMINDER_OFFSETS, snoozeTarget } from "./reminders/schedule.js";
export type { OffsetId, PlannedReminder, Snooze } from "./reminders/schedule.js";
export { isLeadChoice, LEAD_CHOICES, LEAD_TIMES, leadChoicesOf, leadRule, procedureStart, reminderDays } from "./deadlines/leadTimes.js";
export type { LeadChoice, LeadTimeRule } from "./deadlines/leadTimes.js";
export { checkMilestones, FAR_AWAY_YEARS, MILESTONE_ISSUES, programStart } from "./deadlines/sanity.js";
export type { MilestoneIssue, MilestoneIssueCode } from "./deadlines/sanity.js";
export { isTimeZone, localParts, zonedTimeToUtc } from "./reminders/localTime.js";

// Deadlines from a person's milestones, and Kazakhstan's working-day calendar.
export { computeDeadlines, daysLeft } from "./deadlines/compute.js";
export type { Deadline, DeadlineKind } from "./deadlines/compute.js";
export { DAYS_IN_KZ_BASIS, MILESTONE_IDS, MilestonesSchema, parseStoredMilestones } from "./deadlines/milestones.js";
export type { MilestoneId, Milestones } from "./deadlines/milestones.js";
export { addCalendarDays, addWorkingDays, isWorkingDay } from "./calendar/index.js";
