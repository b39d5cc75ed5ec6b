import bcrypt from 'bcryptjs';

const ROUNDS = 10;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A hash to compare against when the login is unknown, so timing does not reveal accounts.
export const DUMMY_HASH = bcrypt.hashSync('no such user', ROUNDS);
