import { ApiPropertyOptional } from '@nestjs/swagger';
import { CodePointLength, DisplayText, Trim } from '@webchat/platform';
import { IsDefined, IsOptional, IsString, ValidateIf } from 'class-validator';

export class UpdateAccountDto {
  @ApiPropertyOptional({ example: 'Mina', minLength: 1, maxLength: 50, description: 'Trimmed; need not be unique' })
  @IsOptional()
  @Trim()
  @DisplayText()
  @CodePointLength(1, 50)
  username?: string;

  @ApiPropertyOptional({ example: 'a new horse battery', minLength: 8, maxLength: 72, format: 'password', description: 'Needs currentPassword; ends every other token of the account' })
  @IsOptional()
  @IsString()
  @CodePointLength(8, 72)
  password?: string;

  @ApiPropertyOptional({ example: 'correct horse battery', minLength: 1, maxLength: 72, format: 'password', description: 'Required with password' })
  @ValidateIf((body: UpdateAccountDto) => body.password !== undefined || body.currentPassword !== undefined)
  @IsDefined({ message: 'currentPassword is required to change the password' })
  @IsString()
  @CodePointLength(1, 72)
  currentPassword?: string;
}
