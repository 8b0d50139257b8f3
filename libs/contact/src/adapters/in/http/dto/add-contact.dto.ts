import { ApiProperty } from '@nestjs/swagger';
import { AccountEmail } from '@webchat/platform';

export class AddContactDto {
  @ApiProperty({ example: 'jun@example.com', maxLength: 254, description: 'Email of the user to add; trimmed and lower-cased' })
  @AccountEmail()
  email!: string;
}
