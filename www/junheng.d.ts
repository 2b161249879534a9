// The wasm module's API (www/pkg/junheng.js, made by wasm-bindgen). The data types are
// generated from the Rust types (ts-rs, `./build.sh types`) into www/types/, so that they
// cannot drift from the core; only the functions' signatures are written here.

import type { Evaluation } from './types/Evaluation';
import type { Lang } from './types/Lang';
import type { Options } from './types/Options';
import type { Problem } from './types/Problem';
import type { Profile } from './types/Profile';
import type { Project } from './types/Project';

export type * from './types/Evaluation';
export type { Lang, Options, Problem, Profile, Project };

/** Loads the wasm module; every other function needs it first. */
export default function init(module?: unknown): Promise<unknown>;

/** Evaluates CSV/TSV text; user mistakes come back as `errors`, only bugs throw. Every
 * option may be left out (the national profile, quality2017, Chinese, no answers). */
export function evaluate(text: string, options?: Partial<Options>): Evaluation;
/** The text as rows of cells, each with the line it starts on. */
export function readGrid(text: string): [number, string[]][];
/** How many template columns the best header row of the text names. */
export function templateColumns(text: string): number;
/** The header row of the CSV template. */
export function templateHeader(lang: Lang): string;
/** The template's columns for menus: [key, label] with the label in `lang`. */
export function templateLabels(lang: Lang): [string, string][];
/** The national profile: every threshold, item list and point maximum. */
export function nationalProfile(): Profile;
/** Each measure's rule in words, keyed "item.measure". */
export function measureRules(profile: Profile, lang: Lang): Record<string, string>;
/** The survey groups and government aspects the answer forms are drawn from. */
export function answerForm(): { survey_groups: string[]; aspects: string[] };
/** The problems of a profile document; empty when it can be used. */
export function checkProfile(value: unknown, lang: Lang): Problem[];
/** A project document read: the project, or why it cannot be opened. */
export function openProject(value: unknown, lang: Lang): { project: Project | null; errors: Problem[] };
/** A project document for saving. */
export function makeProject(text: string, options?: Partial<Options>): Project;
