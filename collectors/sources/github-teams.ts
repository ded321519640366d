import type { ForgeEntity } from './source.ts';
import pLimit from 'p-limit';
import type { Problem } from '../contract/problems.ts';
import type { GitHubClient } from './github-client.ts';
import { compareCodeUnits } from '../support/order.ts';

/** The fields of GitHub's team objects (`GET /orgs/{org}/teams`) that Cairn reads. */
export interface ApiTeam {
  slug: string;
  name: string;
  description?: string | null;
  html_url?: string;
  /** `closed` (visible to the organisation) or `secret`. */
  privacy?: string;
  parent?: { slug: string } | null;
}

/** The fields of GitHub's simple user objects (`GET /orgs/{org}/teams/{team_slug}/members`) that Cairn reads. */
export interface ApiMember {
  login: string;
  avatar_url?: string;
  html_url?: string;
}

/** A team with its members, as read from the API. */
export interface OrganisationTeam {
  team: ApiTeam;
  members: readonly ApiMember[];
}

/** A Backstage entity read from the forge rather than from a file; the catalog takes it like an entity of the portal's content folder. */
export type ForgeDocument = ForgeEntity;

/** Backstage's annotations for GitHub teams and users (`@backstage/plugin-catalog-backend-module-github`). */
export const GITHUB_TEAM_SLUG_ANNOTATION = 'github.com/team-slug';
export const GITHUB_USER_LOGIN_ANNOTATION = 'github.com/user-login';

/** Where an entity was read, as Backstage's catalog records it for what a provider emits: `url:<page>`. */
function locationAnnotations(url: string | undefined): Record<string, string> {
  return url ? { 'backstage.io/managed-by-location': `url:${url}`, 'backstage.io/managed-by-origin-location': `url:${url}` } : {};
}

/**
 * Reads an organisation's teams and each team's members over the REST API, four teams at a time,
 * and returns them as Group and User entities. A team list that cannot be read throws (the caller
 * reports it with the token redacted); a team whose members cannot be read keeps its Group without
 * members and is reported with its HTTP status only.
 */
export async function readGitHubTeams(octokit: GitHubClient, org: string): Promise<{ documents: ForgeDocument[]; problems: Problem[] }> {
  const teams: ApiTeam[] = await octokit.paginate('GET /orgs/{org}/teams', { org, per_page: 100 });
  const problems: Problem[] = [];
  const limit = pLimit(4);
  const read = await Promise.all(
    visibleTeams(teams).map((team) =>
      limit(async (): Promise<OrganisationTeam> => {
        try {
          const members: ApiMember[] = await octokit.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
            org,
            team_slug: team.slug,
            per_page: 100,
          });
          return { team, members };
        } catch (error) {
          const status = (error as { status?: number }).status;
          problems.push({
            severity: 'warning',
            message: `Could not list the members of the GitHub team ${org}/${team.slug}${status ? ` (HTTP ${status})` : ''}; its Group has no members this run.`,
          });
          return { team, members: [] };
        }
      }),
    ),
  );
  return { documents: teamEntities(org, read), problems };
}

/**
 * Secret teams are left out: GitHub hides their existence from everyone outside them, and the
 * portal is read by the whole organisation.
 */
export function visibleTeams(teams: readonly ApiTeam[]): ApiTeam[] {
  return teams.filter((team) => team.privacy !== 'secret');
}

/**
 * Groups and Users in the shape Backstage's GitHub org provider gives them: a Group per team
 * (`spec.type: team`, the team's name as `spec.profile.displayName`, `spec.parent`, `spec.children`
 * from the parent links, `spec.members` by login) and a User per member with `spec.memberOf`.
 * GitHub's REST member list of a team includes the members of its child teams, so membership here
 * is what GitHub grants, parent teams included. A parent that is not among the teams (secret) is
 * left out rather than named. Sorted by name, so the output depends only on the input.
 */
export function teamEntities(org: string, teams: readonly OrganisationTeam[]): ForgeDocument[] {
  const sorted = [...teams].sort((a, b) => compareCodeUnits(a.team.slug, b.team.slug));
  const slugs = new Set(sorted.map(({ team }) => team.slug));
  const parentOf = (team: ApiTeam) => (team.parent && slugs.has(team.parent.slug) ? team.parent.slug : undefined);
  const children = new Map<string, string[]>();
  for (const { team } of sorted) {
    const parent = parentOf(team);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), team.slug]);
  }

  const users = new Map<string, { member: ApiMember; teams: string[] }>();
  const groups = sorted.map(({ team, members }): ForgeDocument => {
    const logins = uniqueLogins(members);
    for (const member of logins) {
      const key = member.login.toLowerCase();
      const user = users.get(key);
      if (user) user.teams.push(team.slug);
      else users.set(key, { member, teams: [team.slug] });
    }
    const parent = parentOf(team);
    return {
      file: `orgs/${org}/teams/${team.slug}`,
      line: 1,
      ...(team.html_url ? { url: team.html_url } : {}),
      data: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: team.slug,
          ...(team.description ? { description: team.description } : {}),
          annotations: { [GITHUB_TEAM_SLUG_ANNOTATION]: `${org}/${team.slug}`, ...locationAnnotations(team.html_url) },
        },
        spec: {
          type: 'team',
          profile: team.name ? { displayName: team.name } : {},
          ...(parent ? { parent } : {}),
          children: children.get(team.slug) ?? [],
          members: logins.map((member) => member.login),
        },
      },
    };
  });

  const people = [...users.values()]
    .sort((a, b) => compareCodeUnits(a.member.login.toLowerCase(), b.member.login.toLowerCase()))
    .map(({ member, teams: memberOf }): ForgeDocument => ({
      file: `orgs/${org}/members/${member.login}`,
      line: 1,
      ...(member.html_url ? { url: member.html_url } : {}),
      data: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name: member.login,
          annotations: { [GITHUB_USER_LOGIN_ANNOTATION]: member.login, ...locationAnnotations(member.html_url) },
        },
        spec: { profile: member.avatar_url ? { picture: member.avatar_url } : {}, memberOf },
      },
    }));
  return [...groups, ...people];
}

/** Members by login, each once, sorted case-insensitively (GitHub logins are case-insensitive). */
function uniqueLogins(members: readonly ApiMember[]): ApiMember[] {
  const byLogin = new Map<string, ApiMember>();
  for (const member of members) if (!byLogin.has(member.login.toLowerCase())) byLogin.set(member.login.toLowerCase(), member);
  return [...byLogin.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([, member]) => member);
}
