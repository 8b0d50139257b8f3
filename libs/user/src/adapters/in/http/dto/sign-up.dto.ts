import { ApiProperty } from '@nestjs/swagger';
import { AccountEmail, CodePointLength, DisplayText, Trim } from '@webchat/platform';
import { IsString } from 'class-validator';

export class SignUpDto {
  @ApiProperty({ example: 'mina@example.com', maxLength: 254, description: 'Trimmed and lower-cased; unique' })
  @AccountEmail()
  email!: string;

  @ApiProperty({ example: 'Mina', minLength: 1, maxLength: 50, description: 'Trimmed; need not be unique; no control or bidi characters, not only invisible ones' })
  @Trim()
  @DisplayText()
  @CodePointLength(1, 50)
  username!: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 8, maxLength: 72, format: 'password' })
  @IsString()
  @CodePointLength(8, 72)
  password!: string;
}
