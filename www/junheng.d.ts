// The wasm module's API (www/pkg/junheng.js, made by wasm-bindgen). The data types are
// generated from the Rust types (ts-rs, `./build.sh types`) into www/types/, so that they
// cannot drift from the core; only the functions' signatures are written here. Values cross
// as JSON text: `Json<T>` is a string that parses to a `T` (see `parse` in engine-worker.js).

import type { Evaluation } from './types/Evaluation';
import type { Lang } from './types/Lang';
import type { Level } from './types/Level';
import type { SchoolResult } from './types/SchoolResult';
import type { Options } from './types/Options';
import type { Problem } from './types/Problem';
import type { Profile } from './types/Profile';
import type { Project } from './types/Project';
import type { Plan } from './types/Plan';
import type { PlanOptions } from './types/PlanOptions';
import type { UnitCosts } from './types/UnitCosts';
import type { Explanation } from './types/Explanation';
import type { ProvinceRow } from './types/ProvinceRow';
import type { Comparison } from './types/Comparison';

export type * from './types/Evaluation';
export type { Lang, Options, Problem, Profile, Project, Plan, PlanOptions, UnitCosts, Explanation, ProvinceRow, Comparison };

/** JSON text of a `T`. */
export type Json<T> = string & { readonly __json?: T };
/** What the first module reads of the options. */
export type FirstOptions = Pick<Partial<Options>, 'standard' | 'lang' | 'answers'>;

/** Loads the wasm module; every other function needs it first. */
export default function init(module?: unknown): Promise<unknown>;

/** Evaluates CSV/TSV text; user mistakes come back as `errors`, only bugs throw. Every
 * option may be left out (the national profile, quality2017, Chinese, no answers). The first
 * module reads only `standard`, `lang` and `answers` (FirstOptions): a profile or a column
 * mapped by hand is the second module's. */
export function evaluate(text: string, options: Json<Partial<Options>> | Json<FirstOptions>): Json<Evaluation>;
/** The result without its schools, kept for `schools` (each level's count is its `schools`);
 * of a province file, `county`'s (by name) or with "" only the counties' rows. */
export function evaluateSummary(text: string, options: Json<Partial<Options>> | Json<FirstOptions>, county: string): Json<Evaluation>;
/** Whether the text is a province's file (a county column, none mapped by hand): the second module evaluates those. */
export function hasCountyColumn(text: string, lang: Lang): boolean;
/** Another county of the last province file ("": the counties' rows alone), not evaluated again. */
export function pickCounty(county: string): Json<Evaluation | null>;
/** The schools `from..to` of a level of the last summary. */
export function schools(level: Level, from: number, to: number): Json<SchoolResult[]>;
/** The whole result of the last summary, schools in the file's order; null before any. */
export function lastResult(): Json<Evaluation | null>;
/** The text as rows of cells, each with the line it starts on. */
export function readGrid(text: string): Json<[number, string[]][]>;
/** Why the text cannot be a table (too wide, a cell too long), checked before anything is held, or whether it is empty. */
export function tableCheck(text: string, lang: Lang): Json<{ problem: Problem | null; empty: boolean }>;
/** The header row of the CSV template. */
export function templateHeader(lang: Lang): string;
/** The template's columns for menus: [key, label] with the label in `lang`. */
export function templateLabels(lang: Lang): Json<[string, string][]>;
/** Each measure's rule in words, keyed "item.measure"; of the national profile when `profile`
 * is "" (a profile of the user's: the second module only). */
export function measureRules(profile: Json<Profile> | '', lang: Lang): Json<Record<string, string>>;
/** The survey groups and government aspects the answer forms are drawn from. */
export function answerForm(): Json<{ survey_groups: string[]; aspects: string[] }>;
/** The problems of a profile document; empty when it can be used. */
export function checkProfile(value: Json<unknown>, lang: Lang): Json<Problem[]>;
/** A project document read: the project, or why it cannot be opened; whether its profile is the national one. */
export function openProject(value: Json<unknown>, lang: Lang): Json<{ project: Project | null; errors: Problem[]; national: boolean }>;
/** A project document for saving. */
export function makeProject(text: string, options: Json<Partial<Options>>): Json<Project>;
/** The rectification plan for the text (the `junheng plan` contract), or why there is none. */
export function plan(text: string, options: Json<Partial<Options>>, planOptions: Json<Partial<PlanOptions>>): Json<{ plan: Plan | null; errors: Problem[] }>;
/** The last plan written into its own text's cells; null before any plan. */
export function applyPlan(lang: Lang): Json<{ grid: [number, string[]][]; errors: Problem[] } | null>;
/** The default unit costs (yuan). */
export function defaultPlanOptions(): Json<PlanOptions>;
/** One indicator's CV at one level step by step (the handout's table), or why there is none. */
export function explain(text: string, options: Json<Partial<Options>>, level: Level, key: string): Json<{ explanation: Explanation | null; errors: Problem[] }>;
/** Two years compared: the earlier year's file (a table's text, or a project document) against the data as it is now, under these options. */
export function compareYears(before: string, beforeIsProject: boolean, now: string, options: Json<Partial<Options>>): Json<{ comparison: Comparison | null; errors: Problem[] }>;
/** Every sheet of a workbook (.xlsx, .xlsm, .xls, .ods: the CLI's reader, the third module) as
 * tab-separated text with its row numbers kept, how many template columns each names, and the
 * one most like the template; or why the file cannot be read. */
export function readWorkbook(bytes: Uint8Array, lang: Lang): Json<{ sheets: { name: string; text: string; columns: number }[]; best: number; problem?: undefined } | { problem: Problem; sheets?: undefined }>;
/** Raw deflate (RFC 1951), as CompressionStream('deflate-raw') writes it. */
export function deflate(bytes: Uint8Array): Uint8Array;
/** Raw deflate undone, up to `limit` bytes; undefined when damaged or larger. */
export function inflate(bytes: Uint8Array, limit: number): Uint8Array | undefined;
