import { ApiProperty } from '@nestjs/swagger';
import { EntityId } from '@webchat/platform';

export class OpenDirectChannelDto {
  @ApiProperty({ format: 'uuid', description: 'The other user' })
  @EntityId()
  userId!: string;
}
