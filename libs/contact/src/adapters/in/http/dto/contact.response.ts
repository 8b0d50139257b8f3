import { ApiProperty } from '@nestjs/swagger';

export class ContactResponse {
  @ApiProperty({ example: '6f1c2a7e-3b1d-4c55-9a41-0c1c5d2f9b10', description: 'The contact\'s user id' }) id!: string;
  @ApiProperty({ example: 'jun@example.com' }) email!: string;
  @ApiProperty({ example: 'Jun' }) username!: string;
  @ApiProperty({ example: true, description: 'At least one socket of the user is connected, shown only when they keep me in their contacts or we share a channel (false otherwise)' }) online!: boolean;
}
