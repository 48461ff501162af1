/**
 * Guest name pools. Names are varied on purpose (accents, apostrophes, hyphens, non-Latin scripts) so that
 * search and display code meet what real accounts hold. The surnames `Schmidt` and `García`/`Garcia` and the
 * first name `José`/`Jose` are kept out of the pools: the fixtures own them (docs/architecture.md).
 */
export interface GuestOrigin {
  country: string;
  city: string;
  locale: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  phonePrefix: string;
}

export const GUEST_ORIGINS: readonly GuestOrigin[] = [
  {
    country: "US",
    city: "Austin",
    locale: "en",
    firstNames: [
      "Emily",
      "Michael",
      "Sarah",
      "David",
      "Jessica",
      "Andrew",
      "Ashley",
      "Tyler",
      "Megan",
      "Brandon",
    ],
    lastNames: ["Johnson", "Peterson", "Williams", "O'Connor", "Brooks", "Nguyen", "Patel", "Walker", "Reed"],
    phonePrefix: "+1 512 555",
  },
  {
    country: "GB",
    city: "Manchester",
    locale: "en",
    firstNames: ["Oliver", "Amelia", "Harry", "Isla", "George", "Poppy", "Charlotte", "Jack"],
    lastNames: ["Taylor", "Davies", "Evans", "Thompson", "Wright", "Hughes", "Ward-Hughes"],
    phonePrefix: "+44 7700 900",
  },
  {
    country: "DE",
    city: "Hamburg",
    locale: "de",
    firstNames: ["Jürgen", "Sophie", "Maximilian", "Lena", "Felix", "Hannah", "Jonas", "Mia"],
    lastNames: ["Müller", "Schneider", "Fischer", "Weiß", "Köhler", "Bäcker", "Hoffmann"],
    phonePrefix: "+49 151 2345",
  },
  {
    country: "FR",
    city: "Lyon",
    locale: "fr",
    firstNames: ["Chloé", "François", "Léa", "Benoît", "Zoé", "Hélène", "Théo"],
    lastNames: ["Dubois", "Lefèvre", "Moreau", "Fontaine", "Girard", "Rousseau"],
    phonePrefix: "+33 6 12 34",
  },
  {
    country: "ES",
    city: "Sevilla",
    locale: "es",
    firstNames: ["María", "Lucía", "Álvaro", "Inés", "Sergio", "Núria", "Pablo"],
    lastNames: ["Fernández", "Martínez", "Sánchez", "Ruiz", "Muñoz", "Jiménez"],
    phonePrefix: "+34 612 34",
  },
  {
    country: "BR",
    city: "São Paulo",
    locale: "pt",
    firstNames: ["João", "Ana Luísa", "Thiago", "Beatriz", "Gonçalo", "Letícia"],
    lastNames: ["Gonçalves", "Araújo", "Conceição", "Silva", "Rocha"],
    phonePrefix: "+55 11 9876",
  },
  {
    country: "DK",
    city: "Aarhus",
    locale: "da",
    firstNames: ["Søren", "Mette", "Ærøe", "Kasper", "Freja"],
    lastNames: ["Nielsen", "Sørensen", "Jørgensen", "Kjær"],
    phonePrefix: "+45 20 12",
  },
  {
    country: "PL",
    city: "Kraków",
    locale: "pl",
    firstNames: ["Łukasz", "Agnieszka", "Paweł", "Zofia", "Michał"],
    lastNames: ["Wójcik", "Kowalczyk", "Łukaszewski", "Nowak"],
    phonePrefix: "+48 501 23",
  },
  {
    country: "SE",
    city: "Göteborg",
    locale: "sv",
    firstNames: ["Björn", "Astrid", "Linnéa", "Oskar"],
    lastNames: ["Åkesson", "Lindqvist", "Öberg", "Ström"],
    phonePrefix: "+46 70 123",
  },
  {
    country: "TR",
    city: "İzmir",
    locale: "tr",
    firstNames: ["İbrahim", "Ayşe", "Mehmet", "Elif"],
    lastNames: ["Yılmaz", "Öztürk", "Çelik", "Doğan"],
    phonePrefix: "+90 532 123",
  },
  {
    country: "VN",
    city: "Hà Nội",
    locale: "vi",
    firstNames: ["Nguyễn Văn", "Trần Thị", "Lê Minh"],
    lastNames: ["An", "Hoa", "Tuấn"],
    phonePrefix: "+84 91 234",
  },
  {
    country: "JP",
    city: "Osaka",
    locale: "ja",
    firstNames: ["Yuki", "Haruto", "Sakura", "Ren"],
    lastNames: ["Tanaka", "Suzuki", "Takahashi", "Watanabe"],
    phonePrefix: "+81 90 1234",
  },
  {
    country: "IE",
    city: "Cork",
    locale: "en",
    firstNames: ["Siobhán", "Seán", "Niamh", "Ciarán", "Aoife"],
    lastNames: ["Ó Briain", "McCarthy", "O'Sullivan", "Ní Dhomhnaill"],
    phonePrefix: "+353 87 123",
  },
  {
    country: "NL",
    city: "Utrecht",
    locale: "nl",
    firstNames: ["Daan", "Sanne", "Joost", "Femke"],
    lastNames: ["van der Berg", "de Vries", "Jansen", "van Dijk"],
    phonePrefix: "+31 6 1234",
  },
  {
    country: "AU",
    city: "Melbourne",
    locale: "en",
    firstNames: ["John", "Chloe", "Liam", "Matilda"],
    lastNames: ["Smith", "Kelly", "Mitchell", "Campbell"],
    phonePrefix: "+61 412 345",
  },
];
