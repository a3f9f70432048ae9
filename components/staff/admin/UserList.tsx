import { ABILITIES } from "@/lib/staff/abilities";
import { STAFF_ROLES, type StaffUserSummary } from "@/lib/staff/accounts";
import { clinicTime } from "@/lib/staff/inbox";
import { AbilitiesForm } from "./AbilitiesForm";
import { UserActions } from "./UserActions";

const STATES: Record<StaffUserSummary["state"], { label: string; hint: string; classes: string }> = {
  active: { label: "Active", hint: "can sign in", classes: "border-brand-700 bg-white text-brand-900" },
  enrolling: { label: "Enrolling", hint: "has not finished setting up sign-in", classes: "border-notice-border bg-notice-bg text-notice" },
  disabled: { label: "Disabled", hint: "cannot sign in", classes: "border-ink-muted bg-white text-ink-muted" },
};

/** Everyone with an account, oldest first, each with what an admin can do to it. The state is in words, not colour. */
export function UserList({
  users,
  currentUserId,
  timeZone,
  physicians,
}: {
  users: StaffUserSummary[];
  currentUserId: string;
  timeZone: string;
  /** The physicians in content/clinic.yaml, whom a clinical reviewer may sign for. */
  physicians: readonly string[];
}) {
  return (
    <ul className="mt-3 divide-y-2 divide-brand-100 border-y-2 border-brand-100" aria-label="Users">
      {users.map((user) => {
        const state = STATES[user.state];
        const self = user.id === currentUserId;
        return (
          <li key={user.id} className="py-4" data-user-email={user.email}>
            <h3 className="text-xl font-bold break-words text-brand-900">
              {user.name}
              {self && <span className="font-normal"> (you)</span>}
            </h3>
            <dl className="mt-1 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
              <dt className="font-bold">Email</dt>
              <dd className="min-w-0 break-words">{user.email}</dd>
              <dt className="font-bold">Role</dt>
              <dd>{STAFF_ROLES[user.role]}</dd>
              <dt className="font-bold">State</dt>
              <dd>
                <span className={`inline-block rounded-full border-2 px-3 py-0.5 font-bold ${state.classes}`}>{state.label}</span>{" "}
                <span className="text-ink-muted">({state.hint})</span>
              </dd>
              <dt className="font-bold">Abilities</dt>
              <dd>
                {user.abilities.abilities.length === 0
                  ? "Work the requests only"
                  : user.abilities.abilities.map((ability) => ABILITIES[ability].label).join(", ")}
              </dd>
              {user.abilities.physician && (
                <>
                  <dt className="font-bold">Physician</dt>
                  <dd className="min-w-0 break-words">{user.abilities.physician}</dd>
                </>
              )}
              <dt className="font-bold">Added</dt>
              <dd>
                <time dateTime={user.createdAt.toISOString()}>{clinicTime(user.createdAt.toISOString(), timeZone)}</time>
              </dd>
            </dl>
            <UserActions user={{ email: user.email, name: user.name, state: user.state }} self={self} />
            <AbilitiesForm user={user} physicians={physicians} />
          </li>
        );
      })}
    </ul>
  );
}
