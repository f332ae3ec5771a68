import {
  IconActivity,
  IconAddressBook,
  IconBriefcase,
  IconBuilding,
  IconCalendarEvent,
  IconChartArrowsVertical,
  IconFileImport,
  IconFlag,
  IconHome,
  IconInbox,
  IconKey,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconListCheck,
  IconMailForward,
  IconMathFunction,
  IconMicrophone,
  IconRoute,
  IconSettings,
  IconSignature,
  IconSpeakerphone,
  IconTarget,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { NavIcon } from '../nav';

const ICONS: Record<NavIcon, typeof IconHome> = {
  home: IconHome,
  plans: IconCalendarEvent,
  practice: IconMicrophone,
  board: IconLayoutKanban,
  deals: IconBriefcase,
  accounts: IconBuilding,
  contacts: IconAddressBook,
  activities: IconActivity,
  import: IconFileImport,
  process: IconRoute,
  dashboard: IconLayoutDashboard,
  expectations: IconFlag,
  kpis: IconMathFunction,
  forecast: IconChartArrowsVertical,
  quotas: IconTarget,
  users: IconUsers,
  teams: IconUsersGroup,
  invitations: IconMailForward,
  workspace: IconSettings,
  tokens: IconKey,
  processSettings: IconListCheck,
  leads: IconInbox,
  campaigns: IconSpeakerphone,
  agreement: IconSignature,
};

export function NavIconOf({ icon }: { icon: NavIcon }) {
  const Icon = ICONS[icon];
  return <Icon size={18} stroke={1.7} aria-hidden />;
}
