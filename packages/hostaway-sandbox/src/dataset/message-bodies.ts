/**
 * Message texts for generated conversations. `{guest}`, `{listing}`, `{city}`, `{code}` and `{wifi}` are filled in
 * per booking. Guests sometimes write in their own language.
 */
export type MessageTopic =
  | "inquiry"
  | "inquiryReply"
  | "intro"
  | "introReply"
  | "preArrivalQuestion"
  | "preArrivalReply"
  | "stayQuestion"
  | "stayReply"
  | "afterStay"
  | "afterStayReply"
  | "cancelRequest"
  | "cancelReply"
  | "recentQuestion"
  | "recentReply";

const ENGLISH: Record<MessageTopic, readonly string[]> = {
  inquiry: [
    "Hi! Is {listing} available for our dates? We are two adults and a toddler.",
    "Hello, we are visiting {city} for a wedding. Would you accept a booking for these nights?",
    "Hi there, is there a discount for a longer stay? We might extend by a few days.",
  ],
  inquiryReply: [
    "Hi {guest}, yes, the dates are open. I have pre-approved you, feel free to book.",
    "Thanks for asking, {guest}! A travel cot is available on request.",
    "Hello {guest}, weekly stays get 10% off automatically.",
  ],
  intro: [
    "Hi! Looking forward to our stay in {city}. Is there parking nearby?",
    "Hello, we just booked. Can we leave our luggage before check-in?",
    "Hi, thanks for accepting our booking! Could you recommend a good place for dinner nearby?",
    "Hello! Is the apartment suitable for someone who works remotely? We need a desk.",
  ],
  introReply: [
    "Welcome {guest}! There is a public garage two streets away, about 25 per day.",
    "Hi {guest}, of course, you can drop your bags from 11:00.",
    "Hello {guest}, there is a great little bistro around the corner, I will send the list with the check-in guide.",
    "Hi {guest}, yes, there is a desk by the window and fast fibre wifi.",
  ],
  preArrivalQuestion: [
    "Hi, our flight lands at 13:00. Would an early check-in be possible?",
    "Hello, could you send the address of the lockbox again? I can't find the email.",
    "We are arriving by car tomorrow. Where exactly should we park?",
    "Quick question: is there a hair dryer in the bathroom?",
  ],
  preArrivalReply: [
    "Hi {guest}, the cleaners finish at 13:30, so 14:00 works. See you tomorrow!",
    "Sure! The lockbox is at the entrance door, code {code}.",
    "Hi {guest}, park in space 12 in the courtyard, it is reserved for you.",
    "Yes, there is one in the bathroom cabinet.",
  ],
  stayQuestion: [
    "Hi, what is the wifi password please?",
    "The heating in the bedroom does not seem to work. Could you have a look?",
    "Hello, could we get extra towels?",
    "Is it possible to check out at 13:00 instead of 11:00?",
  ],
  stayReply: [
    "Hi {guest}, the network is {wifi}, the password is on the fridge card.",
    "Sorry about that! Our technician will come by at 10:00 tomorrow.",
    "Of course, fresh towels are in the hall cupboard, top shelf.",
    "Late check-out until 13:00 is fine, there is no arrival that day.",
  ],
  afterStay: [
    "Thank you for everything, we had a wonderful time!",
    "We left the keys in the lockbox. Great place, thanks!",
    "Thanks! I think I left a phone charger by the bed, could you keep it?",
  ],
  afterStayReply: [
    "Thanks {guest}, it was a pleasure hosting you. Safe travels!",
    "Thank you {guest}! Hope to welcome you back in {city}.",
    "Found it, {guest}. I can post it to you, just send me your address.",
  ],
  cancelRequest: [
    "Hi, unfortunately we have to cancel our trip. Sorry for the trouble.",
    "Hello, our plans changed and we need to cancel. Is a refund possible?",
  ],
  cancelReply: [
    "Sorry to hear that, {guest}. The cancellation is confirmed and the refund follows the policy.",
    "No problem {guest}, I hope we can host you another time.",
  ],
  recentQuestion: [
    "Hi, is there a supermarket within walking distance?",
    "Hello again! Are pets allowed? We might bring a small dog.",
    "Could you tell me how far it is to the train station?",
    "Is there a washing machine we can use?",
    "Do you provide a baby cot? We are travelling with our daughter.",
  ],
  recentReply: [
    "Hi {guest}, yes, there is one 5 minutes away, open until 22:00.",
    "Hi {guest}, small dogs are welcome for a 30 fee.",
    "It is a 10-minute walk, or two stops by tram.",
    "Yes, the washing machine is in the kitchen, detergent is under the sink.",
    "Sure, a cot and a high chair will be ready for you.",
  ],
};

/** A few topics in the guest's own language, used now and then for guests with these locales. */
const LOCALISED: Record<string, Partial<Record<MessageTopic, readonly string[]>>> = {
  de: {
    intro: ["Hallo! Wir freuen uns sehr auf {city}. Gibt es Parkplätze in der Nähe?"],
    preArrivalQuestion: ["Hallo, können wir schon um 13 Uhr einchecken? Unser Zug kommt früher an."],
    stayQuestion: ["Guten Abend, die Heizung im Schlafzimmer funktioniert leider nicht."],
    afterStay: ["Vielen Dank für alles, es war wunderschön!"],
  },
  es: {
    intro: ["¡Hola! ¿Hay aparcamiento cerca del apartamento?"],
    preArrivalQuestion: ["Hola, ¿podemos hacer el check-in un poco antes? Llegamos a las 13:00."],
    stayQuestion: ["Hola, ¿cuál es la contraseña del wifi?"],
    afterStay: ["¡Muchas gracias por todo! Nos encantó la casa."],
  },
  fr: {
    intro: ["Bonjour ! Y a-t-il un parking à proximité ?"],
    preArrivalQuestion: ["Bonjour, est-il possible d'arriver plus tôt, vers 13 h ?"],
    stayQuestion: ["Bonsoir, pourriez-vous nous apporter des serviettes supplémentaires ?"],
    afterStay: ["Merci beaucoup, séjour parfait !"],
  },
  pt: {
    intro: ["Olá! Há estacionamento perto do apartamento?"],
    stayQuestion: ["Olá, qual é a senha do wi-fi?"],
    afterStay: ["Muito obrigado por tudo, adorámos a estadia!"],
  },
};

export function messageText(
  topic: MessageTopic,
  variant: number,
  locale: string | null,
  localise: boolean,
): string {
  const localised = locale && localise ? LOCALISED[locale]?.[topic] : undefined;
  const pool = localised && localised.length > 0 ? localised : ENGLISH[topic];
  return pool[variant % pool.length] ?? "";
}

export interface AutomationTemplate {
  event: string;
  timeDelta: number;
  body: string;
}

/** Automated messages (Hostaway "communications"): outgoing, with a `communicationId` (REFERENCE.md §7). */
export const AUTOMATIONS = {
  confirmation: {
    event: "reservation_confirmed",
    timeDelta: 0,
    body: "Hi {guest}, thank you for booking {listing}! We will send the check-in details two days before you arrive.",
  },
  checkIn: {
    event: "checkin",
    timeDelta: -172800,
    body: "Hi {guest}, check-in is from 15:00. The lockbox code is {code}. Wifi: {wifi}. Have a great trip!",
  },
  checkout: {
    event: "checkout",
    timeDelta: -54000,
    body: "Hi {guest}, a reminder that check-out is at 11:00 tomorrow. Please leave the keys in the lockbox.",
  },
  review: {
    event: "checkout",
    timeDelta: 86400,
    body: "Thanks for staying with us, {guest}! A review would mean a lot to us.",
  },
} as const satisfies Record<string, AutomationTemplate>;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
