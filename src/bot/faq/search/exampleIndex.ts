/**
 * The curated examples (and titles) of every topic as an inverted index: index term → the examples holding
 * it. For a question it gives, per topic, the largest share of the question's weight that one example holds
 * (a question's term counts when an example holds it exactly or a longer term it is a prefix of, as MiniSearch's
 * prefix search), and how close its nearest example is (`nearest`). It replaced a scan over every example of the
 * leading topics (5.6% of the mixed benchmark's CPU): only the examples that share a term with the question are touched.
 */
export class ExampleIndex {
  /** The distinct terms of all examples, sorted, and for each the examples (by number) that hold it. */
  private readonly terms: string[];
  private readonly postings: Int32Array[];
  /** Each example's own weight: the sum of its distinct terms' weights (0 without a weight function). */
  private readonly ownWeight: Float64Array;
  /** Each example's topic, as a number into `topics`. */
  private readonly topicOf: Int32Array;
  private readonly topics: string[] = [];
  /** Per topic: the most weight one of its examples holds for the question under way. */
  private readonly topicHeld: Float64Array;
  /** Per topic: the closeness of its nearest example for the question under way. */
  private readonly topicClose: Float64Array;
  /** Per topic: the share of the question its nearest example holds (nearestByTopic). */
  private readonly topicShare: Float64Array;
  /** Per example: the weight held for the question under way. */
  private readonly held: Float64Array;
  /** Per question term: the examples holding it (or also a longer term it is a prefix of), each once (kept, bounded). */
  private readonly examplesOfTerm = new Map<string, Int32Array>();
  private readonly examplesOfPrefix = new Map<string, Int32Array>();
  private query = 0;
  private readonly lastQuery: Int32Array;
  /** The examples the question under way touched (the first `touchedCount`), kept from question to question. */
  private readonly touched: Int32Array;
  /** A question's first weighed term held by at least this many examples is taken in whole (see `Spread`). */
  private readonly spreadFrom: number;
  private readonly spreadOfTerm = new Map<string, Spread | null>();
  private readonly spreadOfPrefix = new Map<string, Spread | null>();

  /** `weightOf` weighs an example's own terms (as the question's are weighed: by their rarity among the topics). */
  constructor(
    examples: ReadonlyArray<{ topic: string; terms: readonly string[] }>,
    weightOf: (term: string) => number = () => 0,
    { spreadFrom = SPREAD_FROM }: { spreadFrom?: number } = {},
  ) {
    this.spreadFrom = spreadFrom;
    const byTerm = new Map<string, number[]>();
    const topicNo = new Map<string, number>();
    for (const e of examples) if (!topicNo.has(e.topic)) topicNo.set(e.topic, topicNo.size);
    this.topics = [...topicNo.keys()];
    this.topicOf = Int32Array.from(examples, (e) => topicNo.get(e.topic)!);
    this.topicHeld = new Float64Array(this.topics.length);
    this.topicClose = new Float64Array(this.topics.length);
    this.topicShare = new Float64Array(this.topics.length);
    this.ownWeight = Float64Array.from(examples, (e) => [...new Set(e.terms)].reduce((sum, t) => sum + weightOf(t), 0));
    examples.forEach((e, i) => {
      for (const t of new Set(e.terms)) {
        const list = byTerm.get(t) ?? [];
        list.push(i);
        byTerm.set(t, list);
      }
    });
    this.terms = [...byTerm.keys()].sort();
    this.postings = this.terms.map((t) => Int32Array.from(byTerm.get(t)!));
    this.held = new Float64Array(examples.length);
    this.lastQuery = new Int32Array(examples.length);
    this.touched = new Int32Array(examples.length);
  }

  /**
   * Per topic, the largest share of `total` that one of its examples holds (topics with none are absent). The terms
   * of `prefixTerms` (without it: those of 3+ letters) also count in an example holding a longer term they begin.
   */
  shares(weights: ReadonlyMap<string, number>, total: number, prefixTerms?: ReadonlySet<string>): Map<string, number> {
    return this.nearest(weights, total, prefixTerms).share;
  }

  /**
   * Per topic, `share` as in `shares`, and `closeness`: the Dice coefficient of the question and the topic's nearest
   * example, 2 × held / (question's weight + example's own weight). The share alone favours a long example that
   * happens to hold the question's few words; closeness also asks that the example say little else.
   */
  nearest(weights: ReadonlyMap<string, number>, total: number, prefixTerms?: ReadonlySet<string>): { share: Map<string, number>; closeness: Map<string, number> } {
    const share = new Map<string, number>();
    const closeness = new Map<string, number>();
    const byTopic = this.nearestByTopic(weights, total, prefixTerms);
    for (let topic = 0; topic < this.topics.length; topic++) {
      if (this.topicHeld[topic]! <= 0) continue;
      share.set(this.topics[topic]!, byTopic.share[topic]!);
      closeness.set(this.topics[topic]!, byTopic.closeness[topic]!);
    }
    return { share, closeness };
  }

  /** A topic's number in the arrays of `nearestByTopic` (-1: a topic without examples). */
  topicNumber(topic: string): number {
    return this.topics.indexOf(topic);
  }

  /**
   * `nearest` as arrays by topic number (topicNumber), 0 for a topic no example of which holds a term of the
   * question: the search asks this for every question, and two Maps of every topic cost a fifth of it. The arrays
   * are the index's own, overwritten by the next call.
   */
  nearestByTopic(weights: ReadonlyMap<string, number>, total: number, prefixTerms?: ReadonlySet<string>): { share: Float64Array; closeness: Float64Array } {
    const held = this.topicHeld.fill(0);
    const close = this.topicClose.fill(0);
    const out = { share: this.topicShare.fill(0), closeness: close };
    if (total <= 0) return out;
    const query = ++this.query;
    // Plain loops over locals: this runs over about a thousand postings a question.
    const { touched, lastQuery, held: heldOf, ownWeight, topicOf } = this;
    let touchedCount = 0;
    // The first weighed term, when many examples hold it (a program's name: a quarter of all examples), is not
    // added example by example: every example holding it starts with its weight (what adding it first gave), and
    // those no other term touches are taken per topic below (Spread).
    let lead: Spread | undefined;
    let leadWeight = 0;
    let leadTerm: string | undefined;
    for (const [term, w] of weights) {
      if (w === 0) continue;
      const prefix = prefixTerms ? prefixTerms.has(term) : term.length >= 3;
      if (leadTerm === undefined) {
        leadTerm = term;
        lead = this.spreadOf(term, prefix);
        if (lead) {
          leadWeight = w;
          continue;
        }
      }
      const list = this.examplesOf(term, prefix);
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        if (lastQuery[e] !== query) {
          lastQuery[e] = query;
          heldOf[e] = lead !== undefined && lead.holds[e] ? leadWeight + w : w;
          touched[touchedCount++] = e;
        } else heldOf[e] = heldOf[e]! + w;
      }
    }
    // The largest weight per topic, then its share: dividing by the same positive total keeps the order of
    // floating-point values, so this is the largest share exactly, with one division a topic instead of one an example.
    for (let n = 0; n < touchedCount; n++) {
      const e = touched[n]!;
      const topic = topicOf[e]!;
      const h = heldOf[e]!;
      if (h > held[topic]!) held[topic] = h;
      const dice = (2 * h) / (total + ownWeight[e]!);
      if (dice > close[topic]!) close[topic] = dice;
    }
    // The examples holding the lead term: each holds at least its weight, and its Dice is at least the lead's weight
    // over the example's own (rounding keeps both orders), so counting each as holding the lead term alone changes
    // no topic's largest weight or closeness, and the closest of them per topic is the one of least own weight.
    if (lead) {
      for (let topic = 0; topic < held.length; topic++) {
        const own = lead.leastOwn[topic]!;
        if (own === Infinity) continue;
        if (leadWeight > held[topic]!) held[topic] = leadWeight;
        const dice = (2 * leadWeight) / (total + own);
        if (dice > close[topic]!) close[topic] = dice;
      }
    }
    for (let topic = 0; topic < held.length; topic++) if (held[topic]! > 0) out.share[topic] = held[topic]! / total;
    return out;
  }

  /** The examples of a term held by `spreadFrom` examples or more, as a Spread (kept, bounded); else undefined. */
  private spreadOf(term: string, prefix: boolean): Spread | undefined {
    const cache = prefix ? this.spreadOfPrefix : this.spreadOfTerm;
    const kept = cache.get(term);
    if (kept !== undefined) return kept ?? undefined;
    const examples = this.examplesOf(term, prefix);
    let spread: Spread | null = null;
    if (examples.length >= this.spreadFrom) {
      spread = { holds: new Uint8Array(this.held.length), leastOwn: new Float64Array(this.topics.length).fill(Infinity) };
      for (const e of examples) {
        spread.holds[e] = 1;
        const topic = this.topicOf[e]!;
        if (this.ownWeight[e]! < spread.leastOwn[topic]!) spread.leastOwn[topic] = this.ownWeight[e]!;
      }
    }
    if (cache.size >= MAX_CACHED_SPREADS) cache.clear();
    cache.set(term, spread);
    return spread ?? undefined;
  }

  /** The examples holding this term exactly or (`prefix`) a longer term starting with it: a sorted range of terms. */
  private examplesOf(term: string, prefix: boolean): Int32Array {
    const cache = prefix ? this.examplesOfPrefix : this.examplesOfTerm;
    const cached = cache.get(term);
    if (cached) return cached;
    const examples: number[] = [];
    const seen = new Set<number>();
    for (let i = lowerBound(this.terms, term); i < this.terms.length; i++) {
      const t = this.terms[i]!;
      if (t !== term && (!prefix || !t.startsWith(term))) break;
      for (const e of this.postings[i]!) {
        if (seen.has(e)) continue;
        seen.add(e);
        examples.push(e);
      }
    }
    const list = Int32Array.from(examples);
    if (cache.size >= MAX_CACHED_TERMS) cache.clear();
    cache.set(term, list);
    return list;
  }
}

/** Question terms whose examples are kept; past this the cache starts again (the words of questions are unbounded). */
const MAX_CACHED_TERMS = 10_000;

/**
 * The examples of a term many examples hold, for taking it in whole: which examples hold it, and per topic the least
 * own weight of its examples that do (Infinity: none).
 */
interface Spread {
  holds: Uint8Array;
  leastOwn: Float64Array;
}

/**
 * Examples a term must be held by to be taken in whole: the programs' names (1,700-1,900 of the 7,200 examples)
 * and a few common words' prefixes. Below it, adding the weight example by example costs less than a topic pass.
 */
const SPREAD_FROM = 256;
/** Spreads kept (each about one byte an example); past this the cache starts again. */
const MAX_CACHED_SPREADS = 1_000;

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
