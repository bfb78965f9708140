import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/users";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser("users:manage");
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Users" description="Viewers read; operators also operate services; admins also manage users and connections." />
      <div className="grid items-start gap-6 xl:grid-cols-[1fr_360px]">
        <div className="surface overflow-x-auto">
          <table className="data-table" data-testid="users-table">
            <thead>
              <tr>
                <th>User</th>
                <th>Role</th>
                <th>Status</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} isSelf={u.id === me.id} />
              ))}
            </tbody>
          </table>
        </div>
        <CreateUserForm />
      </div>
    </>
  );
}
