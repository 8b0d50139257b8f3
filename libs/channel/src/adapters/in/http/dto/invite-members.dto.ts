import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';

export class InviteMembersDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 100, description: 'Users to add; all must exist' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  userIds!: string[];
}
