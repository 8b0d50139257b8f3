import { ApiProperty } from '@nestjs/swagger';
import { CodePointLength, Trim, TrimLowerCase } from '@webchat/platform';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class SignUpDto {
  @ApiProperty({ example: 'mina@example.com', maxLength: 254, description: 'Trimmed and lower-cased; unique' })
  @TrimLowerCase()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email!: string;

  @ApiProperty({ example: 'Mina', minLength: 1, maxLength: 50, description: 'Trimmed; need not be unique' })
  @Trim()
  @IsString()
  @CodePointLength(1, 50)
  username!: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 8, maxLength: 72, format: 'password' })
  @IsString()
  @CodePointLength(8, 72)
  password!: string;
}
