import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_AMOUNT } from '../../../../domain/money';

/** An amount of won: a JSON integer from 1 to 10^12 (strings, fractions, 0 and negatives are 400). */
export const AmountField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_AMOUNT, example: 10_000, description: 'Whole won' }),
    IsInt(),
    Min(1),
    Max(MAX_AMOUNT),
  );
