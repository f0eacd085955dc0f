import rule from '../../../src/engine/rules/weak-cipher';
import { ruleTester } from '../support/rule-tester';

ruleTester().run('weak-cipher', rule, {
  valid: [
    {
      name: 'AES-256-GCM with a random IV',
      filename: 'src/lib/crypto.ts',
      code: `
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const key = Buffer.from(process.env.FIELD_KEY ?? '', 'base64');

export function encrypt(plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

export function decrypt(encoded: string) {
  const [iv, tag, data] = encoded.split('.').map((p) => Buffer.from(p, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
`,
    },
    {
      name: 'AES-256-CBC with a random IV (CommonJS)',
      filename: 'src/lib/encryption.js',
      code: `
const crypto = require('crypto');

function encrypt(text, key) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

module.exports = { encrypt };
`,
    },
    {
      name: 'decipher with the IV read from the stored value',
      filename: 'src/lib/decrypt.ts',
      code: `
import crypto from 'node:crypto';

export function decrypt(stored: string, key: Buffer) {
  const [ivHex, data] = stored.split(':');
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, Buffer.from(ivHex, 'hex'));
  return decipher.update(data, 'hex', 'utf8') + decipher.final('utf8');
}
`,
    },
    {
      name: 'ChaCha20-Poly1305 with a random nonce',
      filename: 'src/lib/seal.ts',
      code: `
import { createCipheriv, randomBytes } from 'node:crypto';

export function seal(key: Buffer, data: Buffer) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  return Buffer.concat([nonce, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}
`,
    },
    {
      name: 'algorithm from config (cannot tell)',
      filename: 'src/lib/configured.ts',
      code: `
import { createCipheriv, randomBytes } from 'node:crypto';
import { config } from '../config';

export const encrypt = (key: Buffer, data: string) => createCipheriv(config.cipher, key, randomBytes(16)).update(data, 'utf8', 'hex');
`,
    },
    {
      name: 'crypto-js AES with default mode',
      filename: 'src/lib/client-crypto.ts',
      code: `
import CryptoJS from 'crypto-js';

export const encryptNote = (note: string, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) => CryptoJS.AES.encrypt(note, key, { iv, mode: CryptoJS.mode.CBC }).toString();
`,
    },
    {
      name: 'an IV generated per call in a helper',
      filename: 'src/lib/iv.ts',
      code: `
import { createCipheriv, randomBytes } from 'node:crypto';

const newIv = () => randomBytes(12);

export function encrypt(key: Buffer, data: Buffer) {
  const iv = newIv();
  return { iv, data: createCipheriv('aes-256-gcm', key, iv).update(data) };
}
`,
    },
    {
      name: 'hashing is not encryption',
      filename: 'src/lib/hash.ts',
      code: `
import { createHash } from 'node:crypto';
export const digest = (data: string) => createHash('sha256').update(data).digest('hex');
`,
    },
    {
      name: 'a cipher named createCipher that is not node:crypto',
      filename: 'src/lib/vault.ts',
      code: `
import { createCipher } from './vault-client';
export const cipher = createCipher({ keyId: process.env.KMS_KEY_ID });
`,
    },
    {
      name: 'an IV from a function parameter',
      filename: 'src/lib/stream.ts',
      code: `
import { createCipheriv } from 'node:crypto';
export const encryptStream = (key: Buffer, iv: Buffer) => createCipheriv('aes-256-ctr', key, iv);
`,
    },
    {
      name: 'a test file with a fixed IV',
      filename: 'src/lib/crypto.spec.ts',
      code: `
import { createCipheriv } from 'node:crypto';
const cipher = createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16));
`,
    },
    {
      name: 'AES-128-GCM from webcrypto-like options object is not matched',
      filename: 'src/lib/web.ts',
      code: `
export async function encrypt(key: CryptoKey, data: Uint8Array) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
}
`,
    },
  ],
  invalid: [
    {
      name: 'deprecated crypto.createCipher',
      filename: 'src/lib/crypto.js',
      code: `
const crypto = require('crypto');

function encrypt(text) {
  const cipher = crypto.createCipher('aes-256-cbc', process.env.ENCRYPTION_KEY);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}
`,
      errors: [{ messageId: 'deprecatedCipher', line: 5, column: 18, data: { fn: 'createCipher', replacement: 'createCipheriv' } }],
    },
    {
      name: 'deprecated createDecipher as a named import',
      filename: 'src/lib/legacy.ts',
      code: `
import { createDecipher } from 'crypto';

export const decrypt = (data: string, password: string) => createDecipher('aes192', password).update(data, 'hex', 'utf8');
`,
      errors: [{ messageId: 'deprecatedCipher', line: 4, column: 60 }],
    },
    {
      name: 'AES in ECB mode',
      filename: 'src/lib/tokens.ts',
      code: `
import { createCipheriv } from 'node:crypto';

export const seal = (key: Buffer, value: string) => createCipheriv('aes-256-ecb', key, null).update(value, 'utf8', 'base64');
`,
      errors: [{ messageId: 'weakCipher', line: 4, column: 68 }],
    },
    {
      name: 'Triple DES',
      filename: 'src/payments/legacy-gateway.js',
      code: `
const crypto = require('crypto');

exports.encryptPan = (pan, key, iv) => {
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, iv);
  return cipher.update(pan, 'utf8', 'hex') + cipher.final('hex');
};
`,
      errors: [{ messageId: 'weakCipher', line: 5, column: 40 }],
    },
    {
      name: 'RC4',
      filename: 'src/lib/rc4.ts',
      code: `
import * as crypto from 'node:crypto';
export const obfuscate = (key: Buffer, data: Buffer) => crypto.createCipheriv('rc4', key, null).update(data);
`,
      errors: [{ messageId: 'weakCipher', line: 3, column: 79 }],
    },
    {
      name: 'a zero IV with Buffer.alloc',
      filename: 'src/lib/field-crypto.ts',
      code: `
import { createCipheriv } from 'node:crypto';

export function encryptField(key: Buffer, value: string) {
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.alloc(16, 0));
  return Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]).toString('base64');
}
`,
      errors: [
        {
          messageId: 'staticIv',
          line: 5,
          column: 53,
          suggestions: [
            {
              messageId: 'randomIv',
              data: { size: '16' },
              output: `
import { createCipheriv } from 'node:crypto';
import { randomBytes } from 'node:crypto';

export function encryptField(key: Buffer, value: string) {
  const cipher = createCipheriv('aes-256-cbc', key, randomBytes(16));
  return Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]).toString('base64');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a static IV constant with GCM',
      filename: 'src/lib/gcm.js',
      code: `
const crypto = require('crypto');

const IV = Buffer.from('a1b2c3d4e5f6', 'utf8');

function encrypt(key, text) {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, IV);
  return Buffer.concat([cipher.update(text), cipher.final(), cipher.getAuthTag()]);
}
`,
      errors: [
        {
          messageId: 'staticIv',
          line: 7,
          column: 60,
          suggestions: [
            {
              messageId: 'randomIv',
              data: { size: '12' },
              output: `
const crypto = require('crypto');

const IV = Buffer.from('a1b2c3d4e5f6', 'utf8');

function encrypt(key, text) {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  return Buffer.concat([cipher.update(text), cipher.final(), cipher.getAuthTag()]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a string literal IV',
      filename: 'src/lib/str-iv.ts',
      code: `
import crypto from 'node:crypto';
export const enc = (key: Buffer, s: string) => crypto.createCipheriv('aes-128-cbc', key, '0123456789abcdef').update(s, 'utf8', 'hex');
`,
      errors: [
        {
          messageId: 'staticIv',
          line: 3,
          column: 90,
          suggestions: [
            {
              messageId: 'randomIv',
              data: { size: '16' },
              output: `
import crypto from 'node:crypto';
export const enc = (key: Buffer, s: string) => crypto.createCipheriv('aes-128-cbc', key, crypto.randomBytes(16)).update(s, 'utf8', 'hex');
`,
            },
          ],
        },
      ],
    },
    {
      name: 'crypto-js TripleDES',
      filename: 'src/lib/legacy-client.ts',
      code: `
import CryptoJS from 'crypto-js';
export const encrypt = (value: string, key: string) => CryptoJS.TripleDES.encrypt(value, key).toString();
`,
      errors: [{ messageId: 'weakCipher', line: 3, column: 56 }],
    },
    {
      name: 'crypto-js AES in ECB mode',
      filename: 'src/lib/ecb-client.ts',
      code: `
import CryptoJS from 'crypto-js';
export const encrypt = (value: string, key: CryptoJS.lib.WordArray) => CryptoJS.AES.encrypt(value, key, { mode: CryptoJS.mode.ECB }).toString();
`,
      errors: [{ messageId: 'weakCipher', line: 3, column: 113 }],
    },
  ],
});
