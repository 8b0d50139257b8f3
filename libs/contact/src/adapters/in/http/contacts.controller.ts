import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, EntityIdParam } from '@webchat/platform';
import { AddContact } from '../../../application/add-contact.use-case';
import { ListContacts } from '../../../application/list-contacts.use-case';
import { RemoveContact } from '../../../application/remove-contact.use-case';
import { NotAContactError } from '../../../domain/contact.errors';
import { AddContactDto } from './dto/add-contact.dto';
import { ContactResponse } from './dto/contact.response';

@ApiTags('contacts')
@ApiAuthenticated()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly addContact: AddContact,
    private readonly listContacts: ListContacts,
    private readonly removeContact: RemoveContact,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My contacts, in the order I added them' })
  @ApiOkResponse({ type: ContactResponse, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ContactResponse[]> {
    return this.listContacts.execute(user.id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a user to my contacts by email' })
  @ApiCreatedResponse({ type: ContactResponse })
  @ApiBadRequestResponse({ description: 'Invalid email, or my own email' })
  @ApiNotFoundResponse({ description: 'No user has that email' })
  @ApiConflictResponse({ description: 'That user is already in my contacts' })
  add(@CurrentUser() user: AuthenticatedUser, @Body() body: AddContactDto): Promise<ContactResponse> {
    return this.addContact.execute({ ownerId: user.id, email: body.email });
  }

  @Delete(':userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a user from my contacts' })
  @ApiParam({ name: 'userId', format: 'uuid', description: 'The contact\'s user id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'That user is not in my contacts' })
  remove(@CurrentUser() user: AuthenticatedUser, @EntityIdParam('userId', () => new NotAContactError()) userId: string): Promise<void> {
    return this.removeContact.execute({ ownerId: user.id, contactId: userId });
  }
}
