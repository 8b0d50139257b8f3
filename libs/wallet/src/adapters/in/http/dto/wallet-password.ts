import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CodePointLength } from '@webchat/platform';
import { IsString } from 'class-validator';

/** A wallet password: 4–72 characters (a wrong one of that shape is 403, never 400). */
export const WalletPasswordField = (description = 'The wallet password'): PropertyDecorator =>
  applyDecorators(ApiProperty({ minLength: 4, maxLength: 72, format: 'password', description }), IsString(), CodePointLength(4, 72));
