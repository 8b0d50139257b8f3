import { ApiPropertyOptional } from '@nestjs/swagger';
import { CodePointLength } from '@webchat/platform';
import { IsOptional, IsString } from 'class-validator';

export class JoinChannelDto {
  @ApiPropertyOptional({ minLength: 4, maxLength: 72, format: 'password', description: 'Needed for a private channel' })
  @IsOptional()
  @IsString()
  @CodePointLength(4, 72)
  password?: string;
}
