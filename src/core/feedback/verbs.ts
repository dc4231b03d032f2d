// Verb forms for the feedback analysis: a past participle pattern for the counterfactual rules
// and base forms for the suggestions ("you should have tested" → "you could test").
//
// Why a table and not a maintained source: no maintained irregular-verb package is installed
// (adding dependencies is out of scope for issue 10), and a full inflection lexicon would cost
// far more than the ~1.5 KB this table does in the webview, which has an 80 KB budget. English
// has about 200 irregular verbs and feedback uses a small, stable part of them; regular verbs
// are handled by the -ed rule in baseForm.

/** Irregular past participles/past forms → base form. */
export const IRREGULAR: Record<string, string> = {
  been: 'be', done: 'do', gone: 'go', made: 'make', taken: 'take', given: 'give', written: 'write', spoken: 'speak',
  told: 'tell', said: 'say', sent: 'send', spent: 'spend', thought: 'think', brought: 'bring', known: 'know',
  shown: 'show', seen: 'see', left: 'leave', kept: 'keep', held: 'hold', met: 'meet', read: 'read', put: 'put',
  set: 'set', let: 'let', got: 'get', gotten: 'get', found: 'find', built: 'build', caught: 'catch', taught: 'teach',
  chosen: 'choose', begun: 'begin', broken: 'break', driven: 'drive', fallen: 'fall', forgotten: 'forget',
  hidden: 'hide', led: 'lead', lost: 'lose', paid: 'pay', felt: 'feel', heard: 'hear', meant: 'mean', sold: 'sell',
  stood: 'stand', understood: 'understand', won: 'win', run: 'run', come: 'come', become: 'become', sat: 'sit',
  drawn: 'draw', grown: 'grow', thrown: 'throw', flown: 'fly', cut: 'cut', hit: 'hit', quit: 'quit', shut: 'shut',
  split: 'split', spread: 'spread', stuck: 'stick', dealt: 'deal', fought: 'fight', bought: 'buy', sought: 'seek',
  slept: 'sleep', lent: 'lend', woken: 'wake', worn: 'wear', eaten: 'eat', ridden: 'ride', risen: 'rise',
  added: 'add', forgot: 'forget', wrote: 'write', spoke: 'speak', took: 'take', gave: 'give', went: 'go', saw: 'see',
  knew: 'know', broke: 'break', chose: 'choose', began: 'begin', came: 'come', ran: 'run', drove: 'drive',
  focused: 'focus', developed: 'develop', pivoted: 'pivot', mentored: 'mentor', monitored: 'monitor', edited: 'edit',
  honored: 'honor', authored: 'author', tailored: 'tailor', anchored: 'anchor', sponsored: 'sponsor', factored: 'factor',
  mirrored: 'mirror', biased: 'bias',
};
const IRREGULAR_PARTICIPLES = Object.keys(IRREGULAR).filter((w) => !w.endsWith('ed')).join('|');
/** A past participle: regular -ed or a known irregular one. */
export const PARTICIPLE = `(?:[a-z]+-)?(?:[a-z]+ed|${IRREGULAR_PARTICIPLES})`;

const SILENT_E_CVZ = /[vzc]$/;
const SILENT_E_S = /[^s]s$/;
const SILENT_E_S_EXCEPT = /(?:ss|us|as)$/;
const SILENT_E_L = /[bcdfgkptz]l$/;
const SILENT_E_G = /(?:[rd]g|[ae]ng)$/;

/** Base form of a past participle or past-tense verb; best effort, used only for suggestions. */
export function baseForm(word: string): string {
  const lower = word.toLowerCase();
  // "double-checked" → "double-check": only the last part inflects.
  const dash = lower.lastIndexOf('-');
  if (dash > 0) return lower.slice(0, dash + 1) + baseForm(lower.slice(dash + 1));
  const w = lower;
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return irregular;
  if (!w.endsWith('ed') || w.length < 4) return w;
  if (w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.endsWith('eed')) return w.slice(0, -1);
  const stem = w.slice(0, -2);
  const n = stem.length;
  const last = stem.charAt(n - 1);
  const prev = stem.charAt(n - 2);
  const isVowel = (c: string): boolean => c.length === 1 && 'aeiou'.includes(c);
  if (last === prev && !'lsfz'.includes(last) && !isVowel(last)) return stem.slice(0, -1); // planned → plan
  // Silent-e stems: consonant + single vowel + consonant endings that usually take an e.
  const beforeVowel = stem.charAt(n - 3);
  if (SILENT_E_CVZ.test(stem) && !stem.endsWith('ck')) return stem + 'e'; // organized, practiced, solved
  if (SILENT_E_S.test(stem) && !SILENT_E_S_EXCEPT.test(stem)) return stem + 'e'; // raised, closed
  if ((stem.endsWith('us') || stem.endsWith('as')) && !isVowel(beforeVowel)) return stem + 'e'; // used, based
  if (SILENT_E_L.test(stem)) return stem + 'e'; // handled
  if (SILENT_E_G.test(stem)) return stem + 'e'; // merged, changed
  if ((isVowel(prev) || prev === 'y') && !isVowel(beforeVowel) && 'tdkmpnr'.includes(last)) {
    // decided, updated, named, shared, typed, combined; but not answered, opened, offered
    if (prev === 'e') return stem;
    if (prev === 'i' && last === 't') return stem; // edited, visited
    if (prev === 'o' && (last === 'n' || last === 'p')) return stem; // reasoned, developed
    if (last === 'n' && prev !== 'i') return stem;
    return stem + 'e';
  }
  return stem;
}

/** "-ing" form of a base verb, for suggestions ("ignore" → "ignoring"). */
export function gerund(base: string): string {
  if (base.endsWith('ie')) return base.slice(0, -2) + 'ying';
  if (base.endsWith('e') && !base.endsWith('ee') && base.length > 2) return base.slice(0, -1) + 'ing';
  return base + 'ing';
}
