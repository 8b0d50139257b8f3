import { ValidateBy, ValidationOptions } from 'class-validator';

/** Length in Unicode code points (an emoji or a Hangul syllable counts once), as the contract measures. */
export function CodePointLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'codePointLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = [...value].length;
          return length >= min && length <= max;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be ${min} to ${max} characters long`,
      },
    },
    options,
  );
}
