import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig } from '../config/app-config';
import { PasswordHasher } from '../kernel/password-hasher';

/** argon2id with the configured cost (OWASP's 19 MiB, t=2 by default); serves account, channel and wallet passwords. */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  constructor(private readonly config: AppConfig) {
    super();
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.argon2MemoryKib,
      timeCost: this.config.argon2TimeCost,
      parallelism: 1,
    });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
