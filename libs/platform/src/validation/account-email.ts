import { applyDecorators } from '@nestjs/common';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { TrimLowerCase } from './string-transforms';

/** An account email as the contract wants it everywhere: trimmed, lower-cased, valid, at most 254 characters. */
export const AccountEmail = (): PropertyDecorator =>
  applyDecorators(TrimLowerCase(), IsString(), MaxLength(254), IsEmail({}, { message: 'email must be a valid email address' }));
