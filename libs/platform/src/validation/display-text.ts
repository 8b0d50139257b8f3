import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy, ValidationOptions } from 'class-validator';

export interface DisplayTextOptions {
  /** Descriptions may keep line breaks (`\n` or `\r\n`); names may not. */
  multiline?: boolean;
}

// C0, DEL and C1 controls (NUL, tab, escape…), and the Unicode line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const LINE_BREAK = /\r?\n/g;
// Embeddings, overrides and isolates: they reorder what follows, so "Mina" can be shown for another text.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// A character that shows: not white space, not default-ignorable (zero widths, word joiner, BOM,
// the Hangul fillers U+115F U+1160 U+3164 U+FFA0, tags…), not a control or format character, not the blank Braille cell.
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\u2800]/u;

/** Why a text cannot be shown as a name or description, or undefined when it can. */
export function displayTextProblem(text: string, options: DisplayTextOptions = {}): string | undefined {
  const withoutLineBreaks = options.multiline ? text.replace(LINE_BREAK, '') : text;
  if (CONTROL.test(withoutLineBreaks)) {
    return options.multiline ? 'must not contain control characters other than line breaks' : 'must not contain control characters or line breaks';
  }
  if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional control characters';
  if (text.length > 0 && !VISIBLE.test(text)) return 'must contain a visible character';
  return undefined;
}

/**
 * A string that other users see (usernames, channel names, descriptions): no
 * control characters, no bidi overrides, and not made only of invisible
 * characters, so nobody can pass for someone else or break a screen.
 * Zero-width joiners stay allowed inside visible text (emoji sequences, Indic scripts need them).
 */
export const DisplayText = (options: DisplayTextOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator =>
  applyDecorators(
    IsString(validationOptions),
    ValidateBy(
      {
        name: 'displayText',
        constraints: [options],
        validator: {
          // A non-string is IsString's error, reported once.
          validate: (value: unknown) => typeof value !== 'string' || displayTextProblem(value, options) === undefined,
          defaultMessage: (args) => `${args?.property ?? 'value'} ${displayTextProblem(String(args?.value), options) ?? 'must be display text'}`,
        },
      },
      validationOptions,
    ),
  );
