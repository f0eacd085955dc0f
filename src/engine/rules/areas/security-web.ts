import { entry, type RuleEntry } from './entry';
import errorDetailsExposed, { errorDetailsExposedSpec } from '../error-details-exposed';
import insecureCookie, { insecureCookieSpec } from '../insecure-cookie';
import permissiveCors, { permissiveCorsSpec } from '../permissive-cors';
import reflectedXss, { reflectedXssSpec } from '../reflected-xss';
import regexDos, { regexDosSpec } from '../regex-dos';
import sensitiveDataLogged, { sensitiveDataLoggedSpec } from '../sensitive-data-logged';

/** Rules of the security-web group. Register a rule here with `entry(rule, spec)` from './entry'. */
export const securityWebRules: RuleEntry[] = [entry(reflectedXss, reflectedXssSpec), entry(errorDetailsExposed, errorDetailsExposedSpec), entry(insecureCookie, insecureCookieSpec), entry(permissiveCors, permissiveCorsSpec), entry(sensitiveDataLogged, sensitiveDataLoggedSpec), entry(regexDos, regexDosSpec)];
