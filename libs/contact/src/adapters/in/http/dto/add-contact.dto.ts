import { ApiProperty } from '@nestjs/swagger';
import { TrimLowerCase } from '@webchat/platform';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class AddContactDto {
  @ApiProperty({ example: 'jun@example.com', maxLength: 254, description: 'Email of the user to add; trimmed and lower-cased' })
  @TrimLowerCase()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email!: string;
}
