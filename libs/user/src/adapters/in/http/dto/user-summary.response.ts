import { ApiProperty } from '@nestjs/swagger';

export class UserSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
}

export class UserSearchResponse {
  @ApiProperty({ type: [UserSummaryResponse], description: 'Never emails' })
  items!: UserSummaryResponse[];
}
