import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CodePointLength, DisplayText, Trim } from '@webchat/platform';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { CHANNEL_NAME_MAX_LENGTH } from '../../../../domain/channel';

export class CreateChannelDto {
  @ApiProperty({ example: '주말 등산 모임', minLength: 1, maxLength: CHANNEL_NAME_MAX_LENGTH, description: 'Trimmed; no control or bidi characters, not only invisible ones' })
  @Trim()
  @DisplayText()
  @CodePointLength(1, CHANNEL_NAME_MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({ example: 'Hikes every Saturday', maxLength: 500, description: 'Trimmed; may hold line breaks, no other control or bidi characters' })
  @IsOptional()
  @Trim()
  @DisplayText({ multiline: true })
  @CodePointLength(0, 500)
  description?: string;

  @ApiPropertyOptional({ default: false, description: 'A private channel needs a password and never shows in search' })
  @IsOptional()
  @IsBoolean()
  isPrivate?: boolean;

  @ApiPropertyOptional({ minLength: 4, maxLength: 72, format: 'password', description: 'Required for private channels, refused for public ones' })
  @IsOptional()
  @IsString()
  @CodePointLength(4, 72)
  password?: string;
}
