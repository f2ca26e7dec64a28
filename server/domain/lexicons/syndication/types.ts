/**
 * How an article credits wire copy, per language. Patterns are regular-expression sources in
 * which `{agency}` stands for any agency name (from agencies.ts); they are matched
 * case-insensitively on the publisher and author fields and on each line of the text that is
 * not page clutter. Only credits of the text belong here: "Photo: AFP" credits a picture.
 */
export type CreditLexicon = {
  language: string;
  /** Credits that name the agency as the author or source of the text. */
  credits: string[];
  /** Lines that credit a picture and must never count ("Photo AFP", "Getty Images/AFP"). */
  pictureCredits: string[];
};
