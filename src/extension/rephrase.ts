// Turns an agenda statement into an open question, for the agenda-not-question quick fix.
// Deterministic and plain: it proposes a starting point the user then words their own way.
// No vscode import, so test/unit can check it directly.

/** Leading verbs that announce a topic ("Talk about X", "Discuss X") rather than ask about it. */
const TOPIC_VERBS = /^(?:let'?s\s+|we\s+(?:will|should)\s+)?(?:talk|chat|speak)\s+(?:about|through|over)\s+|^(?:let'?s\s+|we\s+(?:will|should)\s+)?(?:discuss|review|cover|explore|go\s+(?:over|through)|look\s+at|update\s+on|reflect\s+on|check\s+(?:in\s+on|on))\s+/i;

export function rephraseAsQuestion(statement: string): string {
  let topic = statement.replace(/\s+/g, ' ').trim().replace(/[.!;:,\s]+$/, '');
  if (topic === '') return 'What would you like to explore today?';
  topic = topic.replace(TOPIC_VERBS, '') || topic;
  // Lower-case a sentence-initial capital ("Career plans" -> "career plans"), not an acronym ("API design").
  if (/^[A-Z][a-z]/.test(topic)) topic = topic[0].toLowerCase() + topic.slice(1);
  return `What would you like to explore about ${topic}?`;
}
