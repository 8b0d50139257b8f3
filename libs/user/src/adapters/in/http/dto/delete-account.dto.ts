import { ApiProperty } from '@nestjs/swagger';
import { CodePointLength } from '@webchat/platform';
import { IsString } from 'class-validator';

export class DeleteAccountDto {
  @ApiProperty({ example: 'correct horse battery', minLength: 1, maxLength: 72, format: 'password', description: "The account's current password" })
  @IsString()
  @CodePointLength(1, 72)
  password!: string;
}
