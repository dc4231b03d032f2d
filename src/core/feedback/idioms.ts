// Idioms and phrasal verbs of blame, sarcasm and hedged criticism (issue 10). A lexicon scores
// words one at a time, so "let the team down", "dropped the ball" and "rough around the edges"
// carry no negative word it could find; these patterns name them. Each pattern is a phrase of
// everyday English, not a sentence from the labelled sets.

const AP = `['’]`;
const OBJ = `(?:me|us|you|him|her|them|it|everyone|everybody|people|the\\s+[a-z]+(?:\\s+[a-z]+)?|your\\s+[a-z]+|[A-Z][a-z]+|[a-z]+)`;
const POSS = `(?:my|our|your|his|her|their|the\\s+team${AP}s|[A-Z][a-z]+${AP}s)`;

/** Phrasal verbs and idioms that assign blame; group 1 (when present) is the verb to rephrase. */
export const BLAME_IDIOMS = [
  `\\blet(?:ting)?\\s+${OBJ}\\s+down\\b`,
  `\\bdrop(?:ped|ping)?\\s+the\\s+ball\\b`,
  `\\b(?:threw|thrown|throw(?:ing)?)\\s+${OBJ}\\s+under\\s+the\\s+bus\\b`,
  `\\bblew\\s+(?:it|the\\s+[a-z]+|your\\s+[a-z]+|up\\s+at|off)\\b`,
  `\\bcut(?:ting)?\\s+corners\\b`,
  `\\bdrag(?:ged|ging)\\s+${POSS}\\s+feet\\b`,
  `\\bpass(?:ed|ing)\\s+the\\s+buck\\b`,
  `\\bpoint(?:ed|ing)\\s+(?:the\\s+)?fingers?\\b`,
  `\\b(?:went|going|go)\\s+behind\\s+${POSS}\\s+back\\b`,
  `\\byou\\s+(?:kept\\s+)?talk(?:ed|ing)\\s+over\\b|\\btalk(?:ed|ing)\\s+down\\s+to\\b`,
  `\\bbrush(?:ed|ing)\\s+(?:off|aside)\\b`,
  `\\bgloss(?:ed|ing)\\s+over\\b`,
  `\\bshot\\s+down\\b`,
  `\\b(?:steamroll(?:ed|ered)?|railroaded|bulldozed|stonewalled|blindsided)\\b`,
  `\\bbail(?:ed|ing)\\s+(?:on|out\\s+on)\\b`,
  `\\bflak(?:ed|ing)\\s+(?:on|out)\\b|\\byou\\s+flaked\\b`,
  `\\bchecked\\s+out\\s+(?=in|during|at|of\\s+the\\s+(?:meeting|conversation|discussion|project))`,
  `\\bf[ae]ll\\s+(?:(?:a\\s+bit|a\\s+little|rather|somewhat|completely|way)\\s+)?(?:short|flat|apart)\\b`,
  `\\bmiss(?:ed|es)?\\s+the\\s+(?:mark|point|boat)\\b`,
  `\\bleft\\s+${OBJ}\\s+(?:hanging|in\\s+the\\s+lurch|to\\s+clean\\s+up)\\b`,
  `\\bdump(?:ed|ing)\\s+(?:[a-z]+\\s+){1,3}on\\s+${OBJ}`,
  `\\bmade\\s+a\\s+(?:mess|hash|mockery|meal)\\s+of\\b`,
  `\\b(?:screwed|messed|mucked|cocked|fouled|stuffed)\\s+(?:(?:it|this|that|things|everything|this\\s+one|that\\s+one)\\s+)?up\\b`,
  `\\b(?:fumbled|bungled|botched|flubbed|blundered|bodged|butchered)\\b`,
  `\\b(?:went|go|gone|going)\\s+off\\s+the\\s+rails\\b`,
  `\\b(?:rough|ragged|frayed)\\s+(?:around|round|at)\\s+the\\s+edges\\b`,
  `\\bnot\\s+(?:exactly\\s+|really\\s+|quite\\s+)?(?:your|his|her|their|our|the\\s+team${AP}s)\\s+(?:best|finest|strongest|proudest|greatest)\\b`,
  `\\bwasn${AP}t\\s+(?:exactly\\s+|really\\s+|quite\\s+)?(?:your|his|her|their|our)\\s+(?:best|finest|strongest|proudest|greatest)\\b`,
  `\\b(?:left|leaves|leave|leaving)\\s+(?:a\\s+lot|much|a\\s+great\\s+deal|something)\\s+to\\s+be\\s+desired\\b`,
  `\\b(?:not|wasn${AP}t|isn${AP}t|weren${AP}t|aren${AP}t)\\s+(?:quite\\s+|really\\s+)?up\\s+to\\s+(?:scratch|standard|par|snuff|the\\s+mark|the\\s+job)\\b`,
  `\\bbelow\\s+(?:par|standard|the\\s+bar|expectations)\\b`,
  `\\b(?:not|wasn${AP}t|isn${AP}t|weren${AP}t|aren${AP}t)\\s+(?:quite\\s+|really\\s+)?(?:there\\s+yet|quite\\s+there|good\\s+enough|acceptable)\\b`,
  `\\ball\\s+over\\s+the\\s+place\\b`,
  `\\b(?:a|an|total|complete|absolute|utter)\\s+(?:shambles|hash|train\\s*wreck|dumpster\\s+fire|car\\s+crash|fiasco|debacle|circus|nightmare|farce)\\b`,
  `\\b(?:this|that|it)(?:${AP}s|\\s+is|\\s+was)\\s+(?:all\\s+)?on\\s+you\\b`,
  `\\bno\\s+excuse\\b`,
  `\\bwast(?:ed|ing)\\s+(?:my|our|your|their|everyone${AP}s|the\\s+team${AP}s|everybody${AP}s)\\s+time\\b`,
  `\\byou\\s+took\\s+(?:way\\s+|far\\s+|much\\s+)?too\\s+long\\b`,
  `\\bsat\\s+on\\s+(?:it|the\\s+[a-z]+|this|that)\\s+for\\b`,
  `\\b(?:out\\s+of\\s+your\\s+depth|in\\s+over\\s+your\\s+head|asleep\\s+at\\s+the\\s+wheel|phon(?:ed|ing)\\s+it\\s+in)\\b`,
  `\\bpulled\\s+the\\s+rug\\b`,
  `\\bnot\\s+(?:[a-z]+\\s+)?(?:leadership|management|senior|lead|promotion)\\s+material\\b`,
  `\\b(?:slip(?:ped|s|ping)?|f[ae]ll(?:s|ing|en)?)\\s+through\\s+the\\s+cracks\\b`,
  `\\b(?:riddled|littered)\\s+with\\b|\\b(?:thrown|cobbled|slapped|hacked)\\s+together\\b`,
  `\\btook\\s+(?:the\\s+|all\\s+the\\s+)?credit\\s+for\\b`,
  `\\b(?:seem|seems|seemed|are|were|look|looked|been|re)\\s+(?:a\\s+bit\\s+|kind\\s+of\\s+|totally\\s+|completely\\s+)?checked\\s+out\\b`,
  `\\b(?:dodged|ducked|sidestepped|evaded|deflected)\\s+(?:the|my|our|their|his|her|a|every|any|all)\\s+(?:[a-z]+\\s+)?(?:questions?|issues?|concerns?|feedback|responsibility|blame|points?)\\b`,
  `\\bthrew\\s+(?:a\\s+)?(?:tantrum|fit)\\b`,
  `\\bbehav(?:ed|ing)\\s+like\\s+(?:a|an)\\b|\\byou\\s+acted\\s+like\\b`,
].join('|');

/**
 * Sarcasm: praise words that open a sentence about a miss ("Great job breaking production",
 * "Nice of you to finally show up", "Oh sure, another quick fix"). The praise word alone is
 * never enough; it needs a miss, "finally", "another" or "only … late" after it.
 */
export const SARCASM = [
  `\\b((?:oh\\s+)?(?:great|nice|good|brilliant|fantastic|wonderful|awesome|lovely|super|excellent|perfect|well\\s+done|way\\s+to\\s+go|thanks|thank\\s+you|wow|bravo|genius|congratulations|congrats)\\b[^.!?\\n]*?\\b(?:finally|another|yet\\s+again|only\\s+(?:\\w+\\s+){1,2}(?:late|overdue|behind)|(?<!\\bavoid\\s)(?:breaking|missing|forgetting|skipping|ignoring|losing|dropping|deleting|wiping|ruining|crashing|blowing|botching|leaving\\s+out)))\\b`,
  `\\b(?:great|brilliant|genius|smart|nice|good)\\s+(?:idea|move|call|plan|thinking)\\s+to\\s+(?:skip|ignore|forget|miss|drop|delete|break|rush|leave\\s+out|not)\\b`,
  `\\b((?:oh\\s+)?(?:sure|yeah\\s+right|right)\\s*,\\s*(?:because|another|that${AP}ll|as\\s+if))\\b`,
  `\\b(?:because|since|as\\s+if)\\b[^.!?\\n]{0,40}\\b(?:worked|went)\\s+(?:out\\s+)?so\\s+well\\b`,
  `\\bthanks\\s+for\\s+nothing\\b`,
].join('|');
