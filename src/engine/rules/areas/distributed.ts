import { entry, type RuleEntry } from './entry';
import consumerAutoAck, { consumerAutoAckSpec } from '../consumer-auto-ack';
import dualWrite, { dualWriteSpec } from '../dual-write';
import grpcCallWithoutDeadline, { grpcCallWithoutDeadlineSpec } from '../grpc-call-without-deadline';

/** The rules of the guide's distributed area. Register a rule here with `entry(rule, spec)` from './entry'. */
export const distributedRules: RuleEntry[] = [
  entry(dualWrite, dualWriteSpec),
  entry(consumerAutoAck, consumerAutoAckSpec),
  entry(grpcCallWithoutDeadline, grpcCallWithoutDeadlineSpec),
];
