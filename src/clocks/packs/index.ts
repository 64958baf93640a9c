/**
 * Every clocks pack, in the order obligations are listed for an event with equal due times.
 * Add a regime by adding a file here: one file per instrument.
 */
import type { ClockPack } from '../model.js';
import { pack as cnMiitVuln } from './cn-miit-vulnerability.js';
import { pack as cnNdsmr } from './cn-ndsmr.js';
import { pack as cnCacIncident } from './cn-cac-incident.js';
import { pack as cnPipl } from './cn-pipl.js';
import { pack as cnDsl } from './cn-dsl.js';
import { pack as cnCsl } from './cn-csl.js';
import { pack as cnCacOrder16 } from './cn-cac-order16.js';
import { pack as euCra } from './eu-cra.js';
import { pack as euNis2 } from './eu-nis2.js';
import { pack as euGdpr } from './eu-gdpr.js';
import { pack as euDora } from './eu-dora.js';
import { pack as usSec8k } from './us-sec-8k.js';
import { pack as usCircia } from './us-circia.js';
import { pack as request } from './request.js';

export const CLOCK_PACKS: readonly ClockPack[] = [cnMiitVuln, cnNdsmr, cnCacIncident, cnPipl, cnDsl, cnCsl, cnCacOrder16, euCra, euNis2, euGdpr, euDora, usSec8k, usCircia, request];
