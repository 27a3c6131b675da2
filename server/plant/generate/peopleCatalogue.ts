import type { QualificationType, Team } from '../../../shared/people/registry';
import { txt } from './builder';

const SOC_SOURCE = '《特种作业人员安全技术培训考核管理规定》(原国家安监总局令第 30 号) 第二十一条: special-operation certificates are valid 6 years, reviewed every 3 years ⚠';
const SE_SOURCE = 'TSG Z6001-2019 特种设备作业人员考核规则: certificates valid 4 years ⚠';
const SOC = txt('应急管理部门', 'Emergency management authority');
const SAMR = txt('市场监督管理部门', 'Market regulation authority (special equipment)');
const CENTRE = txt('本厂培训中心', 'Plant training centre');

/** Certificates and courses the fictional plant's training system knows. */
export const QUALIFICATION_TYPES: QualificationType[] = [
  { id: 'SOC-CHLOR', kind: 'certificate', name: txt('特种作业操作证·氯化工艺作业', 'Special-operation certificate: chlorination process'), issuer: SOC, validityMonths: 72, source: SOC_SOURCE },
  { id: 'SOC-HYDRO', kind: 'certificate', name: txt('特种作业操作证·加氢工艺作业', 'Special-operation certificate: hydrogenation process'), issuer: SOC, validityMonths: 72, source: SOC_SOURCE },
  { id: 'SOC-ELEC', kind: 'certificate', name: txt('特种作业操作证·低压电工作业', 'Special-operation certificate: low-voltage electrician'), issuer: SOC, validityMonths: 72, source: SOC_SOURCE },
  { id: 'SOC-WELD', kind: 'certificate', name: txt('特种作业操作证·熔化焊接与热切割作业', 'Special-operation certificate: welding and thermal cutting'), issuer: SOC, validityMonths: 72, source: SOC_SOURCE },
  { id: 'SOC-HEIGHT', kind: 'certificate', name: txt('特种作业操作证·登高架设作业', 'Special-operation certificate: work at height (scaffolding)'), issuer: SOC, validityMonths: 72, source: SOC_SOURCE },
  { id: 'SOC-INSTR', kind: 'certificate', name: txt('特种作业操作证·化工自动化控制仪表作业', 'Special-operation certificate: process automation instruments'), issuer: SOC, validityMonths: 72, source: SOC_SOURCE },
  { id: 'SE-R2', kind: 'certificate', name: txt('特种设备作业人员证·移动式压力容器充装（R2）', 'Special-equipment operator certificate: mobile pressure vessel filling (R2)'), issuer: SAMR, validityMonths: 48, source: SE_SOURCE },
  { id: 'DG-DRIVER', kind: 'certificate', name: txt('道路危险货物运输驾驶员从业资格证', 'Dangerous-goods road transport driver qualification'), issuer: txt('交通运输主管部门', 'Transport authority'), validityMonths: 72 },
  { id: 'SAFETY-MGR', kind: 'certificate', name: txt('安全生产管理人员安全生产知识和管理能力考核合格证', 'Safety manager competence certificate'), issuer: SOC, validityMonths: 36 },
  { id: 'TR-INDUCTION', kind: 'training', name: txt('三级安全教育（入厂）', 'Three-level safety induction'), issuer: CENTRE },
  { id: 'TR-ANNUAL', kind: 'training', name: txt('年度安全再培训', 'Annual safety refresher'), issuer: CENTRE, validityMonths: 12 },
  { id: 'TR-BATCH', kind: 'training', name: txt('投料配比系统操作培训及考核', 'Batching (material ratio) system course and exam'), issuer: CENTRE, validityMonths: 24 },
  { id: 'TR-CSE', kind: 'training', name: txt('受限空间作业培训（作业人员及监护人）', 'Confined-space entry course (entrants and guardians)'), issuer: CENTRE, validityMonths: 12 },
  { id: 'TR-BA', kind: 'training', name: txt('正压式空气呼吸器使用培训', 'Self-contained breathing apparatus course'), issuer: CENTRE, validityMonths: 12 },
  { id: 'TR-PERMIT', kind: 'training', name: txt('特殊作业票证培训', 'Special-work permit course'), issuer: CENTRE, validityMonths: 24 },
  { id: 'TR-VISITOR', kind: 'training', name: txt('访客入厂安全告知', 'Visitor safety briefing'), issuer: CENTRE },
];

/** Teams and when each is on site (shared/people/registry.ts `teamSchedules`). */
export const TEAMS: Team[] = [
  { id: 'OPS-A', name: txt('运行甲班（白班）', 'Operations team A (day)'), schedule: 'day' },
  { id: 'OPS-B', name: txt('运行乙班（夜班）', 'Operations team B (night)'), schedule: 'night' },
  { id: 'MNT', name: txt('设备维修班', 'Maintenance crew'), schedule: 'office' },
  { id: 'HSE', name: txt('安全环保部', 'HSE department'), schedule: 'office' },
  { id: 'FIRE', name: txt('企业专职消防队', 'Plant fire brigade'), schedule: 'always' },
  { id: 'SEC', name: txt('保卫队', 'Gate security'), schedule: 'always' },
  { id: 'LAB', name: txt('中心化验室', 'Central laboratory'), schedule: 'office' },
  { id: 'MGT', name: txt('厂部管理', 'Plant management'), schedule: 'office' },
  { id: 'LOG', name: txt('储运车队', 'Logistics drivers'), schedule: 'office' },
  { id: 'CON-HD', name: txt('承包商·华东防腐工程有限公司', 'Contractor: Huadong Anti-corrosion Engineering'), schedule: 'office' },
  { id: 'CON-LD', name: txt('承包商·蓝盾检修服务有限公司', 'Contractor: Landun Maintenance Services'), schedule: 'office' },
  { id: 'VIS', name: txt('访客', 'Visitors'), schedule: 'visit' },
];

/** Fictional family and given names with their pinyin (family name first, as in Chinese). */
export const SURNAMES: [string, string][] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'],
  ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'],
  ['何', 'He'], ['高', 'Gao'], ['林', 'Lin'], ['罗', 'Luo'], ['郑', 'Zheng'], ['梁', 'Liang'], ['谢', 'Xie'], ['宋', 'Song'],
  ['唐', 'Tang'], ['韩', 'Han'], ['冯', 'Feng'], ['邓', 'Deng'], ['曹', 'Cao'], ['彭', 'Peng'], ['曾', 'Zeng'], ['萧', 'Xiao'],
];
export const GIVEN: [string, string][] = [
  ['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['磊', 'Lei'], ['强', 'Qiang'], ['军', 'Jun'],
  ['洋', 'Yang'], ['勇', 'Yong'], ['艳', 'Yan'], ['杰', 'Jie'], ['涛', 'Tao'], ['明', 'Ming'], ['超', 'Chao'], ['秀英', 'Xiuying'],
  ['霞', 'Xia'], ['平', 'Ping'], ['刚', 'Gang'], ['桂英', 'Guiying'], ['建华', 'Jianhua'], ['志强', 'Zhiqiang'], ['海燕', 'Haiyan'], ['晓东', 'Xiaodong'],
  ['文博', 'Wenbo'], ['子涵', 'Zihan'], ['思远', 'Siyuan'], ['宇航', 'Yuhang'], ['雨桐', 'Yutong'], ['俊杰', 'Junjie'], ['国栋', 'Guodong'], ['丽华', 'Lihua'],
  ['鹏', 'Peng'], ['斌', 'Bin'], ['浩然', 'Haoran'], ['欣怡', 'Xinyi'], ['建国', 'Jianguo'], ['玉兰', 'Yulan'], ['德明', 'Deming'], ['春梅', 'Chunmei'],
];
