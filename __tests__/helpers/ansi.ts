/** ANSI colour in the text report, for tests that check when it is used. */
export const ESC = '\u001b[';

/** The text without its colour codes. */
export const plain = (text: string): string =>
  text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\d+m/, '')))
    .join('');
