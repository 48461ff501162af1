import { MINUTE_MS } from "../util/dates.js";
import type { Random } from "../util/prng.js";
import type { PlannedMessage } from "./conversation-plan.js";
import { fill, type MessageTopic, messageText } from "./message-bodies.js";
import type { CommunicationType } from "./types.js";

/** How one thread speaks: its placeholders, the guest's language, and the medium its messages go over. */
export interface ThreadVoice {
  anchorMs: number;
  values: Record<string, string>;
  /** The guest's locale, for the guest's own messages. */
  locale: string | null;
  /** Whether this guest writes in their locale (when a translation exists). */
  localise: boolean;
  communicationType: CommunicationType;
}

/** One sent message on `topic`, or null when it would be after the anchor (it has not happened yet). */
export function spokenMessage(
  voice: ThreadVoice,
  topic: MessageTopic,
  atMs: number,
  incoming: boolean,
  variant: number,
): PlannedMessage | null {
  if (atMs > voice.anchorMs) return null;
  return {
    atMs,
    incoming,
    body: fill(messageText(topic, variant, incoming ? voice.locale : null, voice.localise), voice.values),
    communicationType: voice.communicationType,
    status: "sent",
  };
}

/** The guest's `question` at `atMs` and the host's `answer` 8 min to 4 h later, of each what already happened. */
export function plannedExchange(
  random: Random,
  voice: ThreadVoice,
  question: MessageTopic,
  answer: MessageTopic,
  atMs: number,
): PlannedMessage[] {
  const variant = random.int(0, 9);
  const asked = spokenMessage(voice, question, atMs, true, variant);
  const answered = spokenMessage(voice, answer, atMs + random.int(8, 240) * MINUTE_MS, false, variant);
  return [asked, answered].filter((message): message is PlannedMessage => message !== null);
}
