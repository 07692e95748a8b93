import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FollowTarget } from "@trame/core";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";

/** Follow or stop following a project or cooperation (one's territories' are followed by default). */
export function FollowToggle({ target }: { target: FollowTarget }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.follow.status.queryOptions({ target }));
  const set = useMutation(
    trpc.follow.set.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.follow.status.queryKey({ target }), next),
    }),
  );
  if (!status.data) return null;
  const following = status.data.following;
  return (
    <p className="follow">
      <span role="status">{following ? t("notifications.following") : t("notifications.notFollowing")}</span>{" "}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-pressed={following}
        disabled={set.isPending}
        onClick={() => set.mutate({ target, following: !following })}
      >
        {following ? t("notifications.unfollow") : t("notifications.follow")}
      </button>
    </p>
  );
}
