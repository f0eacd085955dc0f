import rule from '../../../src/engine/rules/grpc-call-without-deadline';
import { ruleTester } from '../support/rule-tester';

const LOADER = `import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
const proto = grpc.loadPackageDefinition(protoLoader.loadSync('users.proto')) as any;
const client = new proto.users.v1.Users('users:50051', grpc.credentials.createInsecure());
`;

ruleTester().run('grpc-call-without-deadline', rule, {
  valid: [
    { name: "a pg client in another function that happens to be called client too", filename: 'server/util-server.js', code: `
const grpc = require('@grpc/grpc-js');
const { Client } = require('pg');

exports.postgresQuery = (connectionString, query) => new Promise((resolve, reject) => {
  const client = new Client({ connectionString });
  client.connect(() => client.query(query, (err, res) => (err ? reject(err) : resolve(res))));
});

exports.grpcQuery = (url, ServiceClient) => {
  const client = new ServiceClient(url, grpc.credentials.createInsecure());
  return new Promise((resolve) => client.check({}, { deadline: Date.now() + 5000 }, (err, res) => resolve(res)));
};
` },
    { name: 'grpc-js unary call with a deadline', filename: 'src/clients/users.ts', code: `${LOADER}
export const getUser = (id: string) => new Promise((resolve, reject) => {
  client.getUser({ id }, { deadline: Date.now() + 2000 }, (err: Error | null, user: unknown) => (err ? reject(err) : resolve(user)));
});
` },
    { name: 'grpc-js with metadata and options', filename: 'src/clients/users.ts', code: `${LOADER}
const metadata = new grpc.Metadata();
metadata.set('x-request-id', 'abc');
client.getUser({ id: '1' }, metadata, { deadline: new Date(Date.now() + 3000) }, (err: Error | null) => {});
` },
    { name: 'grpc-js options built elsewhere', filename: 'src/clients/users.ts', code: `${LOADER}
import { callOptions } from './options';
client.getUser({ id: '1' }, callOptions(), () => {});
` },
    { name: 'grpc-js server-streaming call (no callback)', filename: 'src/clients/users.ts', code: `${LOADER}
const stream = client.listUsers({ pageSize: 100 });
stream.on('data', (u: unknown) => console.log(u));
` },
    { name: 'client with interceptors (may set deadlines)', filename: 'src/clients/users.ts', code: `
import * as grpc from '@grpc/grpc-js';
import { deadlineInterceptor } from './interceptors';
const proto = grpc.loadPackageDefinition({}) as any;
const client = new proto.users.v1.Users('users:50051', grpc.credentials.createInsecure(), { interceptors: [deadlineInterceptor(2000)] });
client.getUser({ id: '1' }, () => {});
` },
    { name: 'server-side implementation is not a client call', filename: 'src/server.ts', code: `
import * as grpc from '@grpc/grpc-js';
const server = new grpc.Server();
server.addService({} as any, { getUser: (call: any, callback: any) => callback(null, { id: call.request.id }) });
server.bindAsync('0.0.0.0:50051', grpc.ServerCredentials.createInsecure(), () => {});
` },
    { name: 'nest: pipe(timeout())', filename: 'src/orders/orders.service.ts', code: `
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClientGrpc } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
@Injectable()
export class OrdersService implements OnModuleInit {
  private users: any;
  constructor(@Inject('USERS_PACKAGE') private readonly client: ClientGrpc) {}
  onModuleInit() { this.users = this.client.getService('UsersService'); }
  async owner(id: string) {
    return firstValueFrom(this.users.findOne({ id }).pipe(timeout(3000)));
  }
}
` },
    { name: 'nest: observable kept in a variable (unknown)', filename: 'src/orders/orders.service.ts', code: `
import { ClientGrpc } from '@nestjs/microservices';
export class OrdersService {
  private users: any;
  constructor(private readonly client: ClientGrpc) {}
  onModuleInit() { this.users = this.client.getService('UsersService'); }
  owner(id: string) {
    const user$ = this.users.findOne({ id });
    return user$;
  }
}
` },
    { name: 'connect: timeoutMs per call', filename: 'src/clients/eliza.ts', code: `
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { ElizaService } from './gen/eliza_pb';
const transport = createConnectTransport({ baseUrl: 'https://eliza', httpVersion: '2' });
const client = createClient(ElizaService, transport);
export const say = (sentence: string) => client.say({ sentence }, { timeoutMs: 2000 });
` },
    { name: 'connect: transport default timeout', filename: 'src/clients/eliza.ts', code: `
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { ElizaService } from './gen/eliza_pb';
const transport = createConnectTransport({ baseUrl: 'https://eliza', httpVersion: '2', defaultTimeoutMs: 3000 });
const client = createClient(ElizaService, transport);
export const say = (sentence: string) => client.say({ sentence });
` },
    { name: 'connect: transport from another module (unknown)', filename: 'src/clients/eliza.ts', code: `
import { createClient } from '@connectrpc/connect';
import { transport } from './transport';
import { ElizaService } from './gen/eliza_pb';
const client = createClient(ElizaService, transport);
export const say = (sentence: string) => client.say({ sentence });
` },
    { name: 'no grpc import', filename: 'src/mail.ts', code: `
const client = new Mailer('smtp', credentials.create());
client.send({ to: 'a' }, () => {});
` },
    { name: 'client.close()', filename: 'src/clients/users.ts', code: `${LOADER}
process.on('SIGTERM', () => client.close());
` },
  ],
  invalid: [
    { name: 'grpc-js unary call with only a callback', filename: 'src/clients/users.ts', code: `${LOADER}
export const getUser = (id: string) => new Promise((resolve, reject) => {
  client.getUser({ id }, (err: Error | null, user: unknown) => (err ? reject(err) : resolve(user)));
});
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 7, column: 10, suggestions: [{ messageId: 'addDeadline', output: `${LOADER}
export const getUser = (id: string) => new Promise((resolve, reject) => {
  client.getUser({ id }, { deadline: Date.now() + 5000 }, (err: Error | null, user: unknown) => (err ? reject(err) : resolve(user)));
});
` }] }] },
    { name: 'grpc-js with metadata but no options', filename: 'src/clients/users.ts', code: `${LOADER}
const meta = new grpc.Metadata();
client.deleteUser({ id: '1' }, meta, (err: Error | null) => {});
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 7, column: 8, suggestions: [{ messageId: 'addDeadline', output: `${LOADER}
const meta = new grpc.Metadata();
client.deleteUser({ id: '1' }, meta, { deadline: Date.now() + 5000 }, (err: Error | null) => {});
` }] }] },
    { name: 'grpc-js options without deadline', filename: 'src/clients/users.ts', code: `${LOADER}
client.getUser({ id: '1' }, { waitForReady: true }, (err: Error | null) => {});
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 6, column: 8, suggestions: [{ messageId: 'addDeadline', output: `${LOADER}
client.getUser({ id: '1' }, { waitForReady: true, deadline: Date.now() + 5000 }, (err: Error | null) => {});
` }] }] },
    { name: 'generated _grpc_pb client in a class field', filename: 'src/clients/payments.ts', code: `
import { credentials } from '@grpc/grpc-js';
import { PaymentsClient } from './gen/payments_grpc_pb';
import { ChargeRequest } from './gen/payments_pb';
export class Payments {
  private client = new PaymentsClient('payments:50051', credentials.createSsl());
  charge(req: ChargeRequest) {
    return new Promise((resolve, reject) => this.client.charge(req, (err, res) => (err ? reject(err) : resolve(res))));
  }
}
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 8, column: 57, suggestions: [{ messageId: 'addDeadline', output: `
import { credentials } from '@grpc/grpc-js';
import { PaymentsClient } from './gen/payments_grpc_pb';
import { ChargeRequest } from './gen/payments_pb';
export class Payments {
  private client = new PaymentsClient('payments:50051', credentials.createSsl());
  charge(req: ChargeRequest) {
    return new Promise((resolve, reject) => this.client.charge(req, { deadline: Date.now() + 5000 }, (err, res) => (err ? reject(err) : resolve(res))));
  }
}
` }] }] },
    { name: 'CommonJS grpc-js client', filename: 'src/clients/catalog.js', code: `
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const proto = grpc.loadPackageDefinition(protoLoader.loadSync('catalog.proto'));
const catalog = new proto.catalog.Catalog(process.env.CATALOG_ADDR, grpc.credentials.createInsecure());
function product(id, cb) {
  catalog.getProduct({ id }, cb);
}
module.exports = { product };
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 7, column: 11, suggestions: [{ messageId: 'addDeadline', output: `
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const proto = grpc.loadPackageDefinition(protoLoader.loadSync('catalog.proto'));
const catalog = new proto.catalog.Catalog(process.env.CATALOG_ADDR, grpc.credentials.createInsecure());
function product(id, cb) {
  catalog.getProduct({ id }, { deadline: Date.now() + 5000 }, cb);
}
module.exports = { product };
` }] }] },
    { name: 'nest: firstValueFrom without timeout', filename: 'src/orders/orders.service.ts', code: `
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClientGrpc } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
@Injectable()
export class OrdersService implements OnModuleInit {
  private users: any;
  constructor(@Inject('USERS_PACKAGE') private readonly client: ClientGrpc) {}
  onModuleInit() { this.users = this.client.getService('UsersService'); }
  async owner(id: string) {
    return firstValueFrom(this.users.findOne({ id }));
  }
}
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 11, column: 38, suggestions: [{ messageId: 'addDeadline', output: `
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClientGrpc } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
@Injectable()
export class OrdersService implements OnModuleInit {
  private users: any;
  constructor(@Inject('USERS_PACKAGE') private readonly client: ClientGrpc) {}
  onModuleInit() { this.users = this.client.getService('UsersService'); }
  async owner(id: string) {
    return firstValueFrom(this.users.findOne({ id }).pipe(timeout(5000)));
  }
}
` }] }] },
    { name: 'nest: controller returns the observable, rxjs not imported', filename: 'src/gateway/users.controller.ts', code: `
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ClientGrpc } from '@nestjs/microservices';
@Controller('users')
export class UsersController {
  private readonly users = this.client.getService<any>('UsersService');
  constructor(@Inject('USERS') private readonly client: ClientGrpc) {}
  @Get(':id')
  find(@Param('id') id: string) {
    return this.users.findOne({ id });
  }
}
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 10, column: 23, suggestions: [{ messageId: 'addDeadline', output: `
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ClientGrpc } from '@nestjs/microservices';
import { timeout } from 'rxjs';
@Controller('users')
export class UsersController {
  private readonly users = this.client.getService<any>('UsersService');
  constructor(@Inject('USERS') private readonly client: ClientGrpc) {}
  @Get(':id')
  find(@Param('id') id: string) {
    return this.users.findOne({ id }).pipe(timeout(5000));
  }
}
` }] }] },
    { name: 'nest: pipe(map()) without timeout', filename: 'src/orders/orders.service.ts', code: `
import { ClientGrpc } from '@nestjs/microservices';
import { firstValueFrom, map } from 'rxjs';
export class OrdersService {
  private users: any;
  constructor(private readonly client: ClientGrpc) {}
  onModuleInit() { this.users = this.client.getService('UsersService'); }
  email(id: string) {
    return firstValueFrom(this.users.findOne({ id }).pipe(map((u: any) => u.email)));
  }
}
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 9, column: 38, suggestions: [{ messageId: 'addDeadline', output: `
import { ClientGrpc } from '@nestjs/microservices';
import { firstValueFrom, map, timeout } from 'rxjs';
export class OrdersService {
  private users: any;
  constructor(private readonly client: ClientGrpc) {}
  onModuleInit() { this.users = this.client.getService('UsersService'); }
  email(id: string) {
    return firstValueFrom(this.users.findOne({ id }).pipe(timeout(5000), map((u: any) => u.email)));
  }
}
` }] }] },
    { name: 'connect client without timeoutMs', filename: 'src/clients/eliza.ts', code: `
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { ElizaService } from './gen/eliza_pb';
const transport = createConnectTransport({ baseUrl: 'https://eliza', httpVersion: '2' });
const client = createClient(ElizaService, transport);
export const say = (sentence: string) => client.say({ sentence });
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 7, column: 49, suggestions: [{ messageId: 'addDeadline', output: `
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { ElizaService } from './gen/eliza_pb';
const transport = createConnectTransport({ baseUrl: 'https://eliza', httpVersion: '2' });
const client = createClient(ElizaService, transport);
export const say = (sentence: string) => client.say({ sentence }, { timeoutMs: 5000 });
` }] }] },
    { name: 'connect client with headers but no timeout', filename: 'src/clients/eliza.ts', code: `
import { createPromiseClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { ElizaService } from './gen/eliza_pb';
const client = createPromiseClient(ElizaService, createGrpcTransport({ baseUrl: 'http://eliza:8080', httpVersion: '2' }));
export const say = (sentence: string, requestId: string) => client.say({ sentence }, { headers: { 'x-request-id': requestId } });
`, errors: [{ messageId: 'grpcCallWithoutDeadline', line: 6, column: 68, suggestions: [{ messageId: 'addDeadline', output: `
import { createPromiseClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { ElizaService } from './gen/eliza_pb';
const client = createPromiseClient(ElizaService, createGrpcTransport({ baseUrl: 'http://eliza:8080', httpVersion: '2' }));
export const say = (sentence: string, requestId: string) => client.say({ sentence }, { headers: { 'x-request-id': requestId }, timeoutMs: 5000 });
` }] }] },
  ],
});
