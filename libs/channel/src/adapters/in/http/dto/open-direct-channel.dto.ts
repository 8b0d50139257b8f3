import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class OpenDirectChannelDto {
  @ApiProperty({ description: 'The other user' })
  @IsString()
  @Length(1, 64)
  userId!: string;
}
