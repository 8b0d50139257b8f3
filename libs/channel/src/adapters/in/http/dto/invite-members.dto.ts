import { ApiProperty } from '@nestjs/swagger';
import { EntityId } from '@webchat/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';

export class InviteMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100, description: 'Users to add; all must exist' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @EntityId({ each: true })
  userIds!: string[];
}
